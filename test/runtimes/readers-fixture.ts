// The page and list response the runtime smoke test reads with
// parseArticle and parseNewsList (shared by smoke.mjs and fixture.ts).

/** An invented article page, relative to this folder. */
export const PAGE_FILE: string = '../fixtures/pages/newer-template.html';
/** The address it was fetched from. */
export const PAGE_URL: string = 'https://finance.eastmoney.com/a/202606160000000001.html';
/** An invented fast-news response, one item repeated. */
export const LIST: string =
  '{"code":"1","data":{"fastNewsList":[{"code":"202606160000000001","title":"示例公司快速回调","summary":"示例公司盘中快速回调。",' +
  '"showTime":"2026-06-16 14:09:57","stockList":["1.600001","0.000001"]},{"code":"202606160000000001","title":"示例公司快速回调",' +
  '"summary":"重复。","showTime":"2026-06-16 14:09:57","stockList":[]}]}}';
