import { DiscoveryService } from '@nestjs/core';
import { JobName } from './contracts';

/** Marks a provider as the handler of one job; the worker discovers them at start. */
export const HandlesJob = DiscoveryService.createDecorator<JobName>();
