import { graphql } from '../gql';

/** What `startSession` keeps from an opened session: every mutation that signs someone in spreads it. */
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload {
    accessToken
    refreshToken
    user {
      id
      platformRole
      organization {
        id
        kind
      }
    }
  }
`);
