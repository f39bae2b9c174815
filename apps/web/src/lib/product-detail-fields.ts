import { graphql } from '../gql';

/** What a listing's full view shows (the public page, the moderator's review): one list, kept in step. */
export const ProductDetailFields = graphql(`
  fragment ProductDetailFields on Product {
    id
    name
    description
    status
    monthlyCapacity
    minOrderQuantity
    harvestMonths
    category {
      code
      name
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
    certifications {
      kind
      issuer
      validUntil
      expired
    }
    photos {
      id
      url
      width
      height
    }
  }
`);
