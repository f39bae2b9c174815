// Every test of product-search.int-spec.ts again, on a PostgreSQL without RUM: SEARCH_RUM=off makes
// the migrations build, and search use, the GIN fallback (decision 62). Same results; plans checked.
process.env.SEARCH_RUM = 'off';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the variable is set
require('./product-search.int-spec');
