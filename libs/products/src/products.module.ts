import { Module } from '@nestjs/common';
import { AccountsModule } from '@lienket/accounts';
import { SessionRevocationsModule } from '@lienket/auth';
import { DirectoryRepository } from './directory/directory.repository';
import { DirectoryResolver } from './directory/directory.resolver';
import { DirectoryService } from './directory/directory.service';
import { ListingSummaryLoader } from './directory/listing-summary.loader';
import { OnboardingResolver } from './onboarding/onboarding.resolver';
import { OnboardingService } from './onboarding/onboarding.service';
import { ProductPhotoController } from './photos/photo.controller';
import { ProductPhotoResolver } from './photos/photo.resolver';
import { ProductPhotoService } from './photos/photo.service';
import { OrganizationProductsResolver } from './products/organization-products.resolver';
import { ProductSearchRepository } from './products/product-search.repository';
import { ProductResolver } from './products/product.resolver';
import { ProductService } from './products/product.service';
import { SitemapController } from './sitemap/sitemap.controller';
import { SitemapRepository } from './sitemap/sitemap.repository';

/** Product listings, their search and the supplier directory, served by the catalog subgraph. */
@Module({
  imports: [AccountsModule, SessionRevocationsModule],
  providers: [
    ProductService,
    ProductSearchRepository,
    ProductResolver,
    OrganizationProductsResolver,
    DirectoryRepository,
    DirectoryService,
    ListingSummaryLoader,
    DirectoryResolver,
    ProductPhotoService,
    ProductPhotoResolver,
    OnboardingService,
    OnboardingResolver,
    SitemapRepository,
  ],
  controllers: [ProductPhotoController, SitemapController],
  exports: [ProductService],
})
export class ProductsModule {}
