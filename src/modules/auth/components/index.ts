// The shell's account menu signs out with it (a client component: keep this surface client-safe).
export { SignOutButton } from "./sign-out-button";
