// How many Pokja members make a majority: the opening quorum and the winner's approval.
export { pokjaMajority } from "./pokja-composition";
