import { Module } from '@nestjs/common';
import { AccountsModule } from '@lienket/accounts';
import { OrganizationProductsResolver } from './products/organization-products.resolver';
import { ProductSearchRepository } from './products/product-search.repository';
import { ProductResolver } from './products/product.resolver';
import { ProductService } from './products/product.service';

/** Product listings and their search, served by the catalog subgraph. */
@Module({
  imports: [AccountsModule],
  providers: [
    ProductService,
    ProductSearchRepository,
    ProductResolver,
    OrganizationProductsResolver,
  ],
  exports: [ProductService],
})
export class ProductsModule {}
