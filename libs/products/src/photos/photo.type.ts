import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A photo of a listing; upload with POST /api/products/:id/photos (multipart: file), remove with DELETE /api/products/:id/photos/:photoId',
})
export class ProductPhoto {
  @Field(() => ID) id: string;
  @Field({ description: 'GET; public for a public listing, else with the bearer token of its organization or staff' })
  url: string;
  @Field({ description: 'GET; the photo at most 480 px (WebP), for cards and lists; same access as `url`' })
  thumbnailUrl: string;
  @Field(() => Int) width: number;
  @Field(() => Int) height: number;
}
