// Through the whole stack and a real browser, one journey takes seconds, not milliseconds.
jest.setTimeout(60_000);
