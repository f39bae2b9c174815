import { graphql } from '../gql';

/** What a ProductCard shows: every query that lists cards spreads this, so they stay in step. */
export const ProductCardFields = graphql(`
  fragment ProductCardFields on Product {
    id
    name
    monthlyCapacity
    category {
      code
      shortName
    }
    unit {
      code
      name
      symbol
    }
    priceUnit {
      code
      name
      symbol
    }
    priceMin {
      amount
      currency
    }
    priceMax {
      amount
      currency
    }
    photos {
      url
      thumbnailUrl
      width
      height
    }
    certifications {
      kind
      expired
    }
    organization {
      id
      name
      province {
        code
        name
      }
    }
  }
`);
