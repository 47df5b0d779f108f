import { benchmarkScaling } from './bench/scaling.ts';
import { renderScaling } from './bench/report.ts';
const opts = { sizes: [100, 500], budgetMs: 20_000, queries: 300 };
const r = await benchmarkScaling(opts, console.error);
console.log(renderScaling(r, opts).join('\n'));
