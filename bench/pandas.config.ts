// The CLI side of the "CLI vs pandas" benchmark (scripts/bench/pandas.ts): the project's config with
// the three account dimensions bench/pandas_reference.py computes (the derived touch dimension is left out).
import {defineConfig} from "../loaders/config.js";
import project from "../report.config.js";

export default defineConfig({...project, segments: ["segment", "industry", "region"]});
