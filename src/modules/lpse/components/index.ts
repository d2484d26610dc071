// The LPSE profile's forms (/admin/profil) and its logo, shown by the shell.
export { LpseLogoForm, LpseProfileForm } from "./lpse-profile-form";
export { LpseLogo } from "./lpse-logo";
