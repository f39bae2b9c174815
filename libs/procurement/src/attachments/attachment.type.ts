import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({
  description:
    'A file attached to a need (a specification PDF, photos of the goods): add with POST /api/needs/:id/attachments (multipart: file) and remove with DELETE /api/needs/:id/attachments/:attachmentId while the need is a draft',
})
export class NeedAttachment {
  @Field(() => ID) id: string;
  @Field({ description: 'The name it was uploaded with, its extension matching its type' }) fileName: string;
  @Field({ description: 'application/pdf, image/jpeg, image/png or image/webp, told by its bytes' }) contentType: string;
  @Field(() => Int, { description: 'Bytes as stored (photos are re-encoded without their metadata)' }) byteSize: number;
  @Field({ description: 'GET: the bytes, to whoever may read the need (with the bearer token for a need that is not public)' })
  url: string;
  @Field(() => String, { nullable: true, description: 'GET: a photo at most 480 px (WebP), same access as `url`; null for a PDF' })
  thumbnailUrl: string | null;
}
