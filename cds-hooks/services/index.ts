/** Every service this server offers, in discovery order. */
import { crampReviewService } from './cramp-review-service.js';
import { diureticOrderService } from './diuretic-order-service.js';
import { quinineOrderSelectService, quinineOrderSignService } from './quinine-order-service.js';
import type { CdsService } from './service.js';

export const SERVICES: readonly CdsService[] = [crampReviewService, quinineOrderSelectService, quinineOrderSignService, diureticOrderService];

export type { CdsService, ServiceCall } from './service.js';
