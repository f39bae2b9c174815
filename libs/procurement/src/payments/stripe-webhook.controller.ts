import { Controller, HttpCode, HttpException, Post } from '@nestjs/common';

/**
 * Stripe calls `/webhooks/stripe` (forwarded untouched by the gateway). Payments arrive with the
 * payments work; until STRIPE_* is configured the endpoint says so plainly instead of 404.
 */
@Controller('webhooks')
export class StripeWebhookController {
  @Post('stripe')
  @HttpCode(503)
  receive(): never {
    throw new HttpException({ error: 'payments_not_configured', message: 'Stripe is not configured on this LienKet instance' }, 503);
  }
}
