import type { Counter, Histogram, Registry } from "prom-client";

export declare const metrics: {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  bookings: Counter<"outcome">;
  cancellations: Counter;
  promotions: Counter;
  mailSent: Counter;
  mailFailed: Counter<"final">;
  rateLimitRefusals: Counter<"action">;
  gaugesRegistered: boolean;
};
export declare function routeLabel(pathname: string): string;
