export { RED_FLAG_CODES, type RedFlagCode } from "./codes";
