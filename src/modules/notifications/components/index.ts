// Banners of other modules mark their notifications read.
export { MarkReadButton } from "./mark-read-button";
