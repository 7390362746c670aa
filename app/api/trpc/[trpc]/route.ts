import { handleTrpc } from "~/server/api/handler";

export const dynamic = "force-dynamic";

/** In production scripts/serve.mjs answers /api/trpc/* itself through the same handler. */
const handler = (req: Request) => handleTrpc(req);

export { handler as GET, handler as POST };
