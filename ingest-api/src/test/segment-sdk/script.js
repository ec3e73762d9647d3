// Sends events with the official Segment Node SDK to ingest-api's Segment-compatible API, as a
// team's existing instrumentation would, and reports what the SDK saw. Run by SegmentSdkIntegrationTests:
//   node script.js <ingest-api base URL> <write key> <user id>
// Exits 0 only when every request was answered and the SDK reported no delivery error.
const { Analytics } = require('@segment/analytics-node');

const [host, writeKey, userId] = process.argv.slice(2);
// flushAt above the number of calls: all of them go out together as one batch on closeAndFlush.
const analytics = new Analytics({ writeKey, host, flushAt: 20, flushInterval: 60000, maxRetries: 3 });

const errors = [];
const statuses = [];
analytics.on('error', (err) => errors.push(err.code + ': ' + (err.reason && err.reason.message ? err.reason.message : err.reason)));
analytics.on('http_response', (response) => statuses.push(response.status));

analytics.track({ userId, event: 'Order Completed', properties: { order_id: 'o-1', revenue: 42.5, currency: 'EUR' } });
analytics.track({ userId, event: 'Product Added', properties: { product_id: 'p-1', name: 'Shoe', price: 19.9, quantity: 1 } });
analytics.track({ userId, event: 'Products Searched', properties: { query: 'running shoes' } });
analytics.track({ userId, event: 'Wishlist Shared', properties: { items: 3 } });
analytics.page({ userId, name: 'Home', properties: { url: 'https://shop.example/', referrer: 'https://search.example/' } });
analytics.identify({ userId, traits: { plan: 'pro' } });

analytics.closeAndFlush({ timeout: 30000 }).then(() => {
  console.log(JSON.stringify({ statuses, errors }));
  process.exit(errors.length === 0 && statuses.length > 0 ? 0 : 1);
});
