import {
  DEFAULT_RUN_TIMEOUT,
  runCommand
} from "./chunk-Y5UFYOKN.js";
import "./chunk-ARXQUDH2.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  DEFAULT_RUN_TIMEOUT,
  runCommand
};
