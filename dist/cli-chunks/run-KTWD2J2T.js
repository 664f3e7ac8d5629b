import {
  DEFAULT_RUN_TIMEOUT,
  runCommand
} from "./chunk-CBHOGHWU.js";
import "./chunk-EV3ISLO5.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  DEFAULT_RUN_TIMEOUT,
  runCommand
};
