import {
  DEFAULT_RUN_TIMEOUT,
  runCommand
} from "./chunk-WDW3JXZQ.js";
import "./chunk-X5RLG3GV.js";
import "./chunk-PA5KNX2G.js";
import "./chunk-CEUTD2IY.js";
export {
  DEFAULT_RUN_TIMEOUT,
  runCommand
};
