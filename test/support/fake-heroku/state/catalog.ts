import { stableId } from './ids';

/** Static platform catalogues: regions, stacks, dyno sizes, add-on services and plans. */

export interface RegionInfo { name: string; description: string; country: string; locale: string; privateCapable: boolean; provider: { name: string; region: string } }
export const REGIONS: RegionInfo[] = [
  { name: 'us', description: 'United States', country: 'United States', locale: 'Virginia', privateCapable: false, provider: { name: 'amazon-web-services', region: 'us-east-1' } },
  { name: 'eu', description: 'Europe', country: 'Ireland', locale: 'Dublin', privateCapable: false, provider: { name: 'amazon-web-services', region: 'eu-west-1' } },
  { name: 'virginia', description: 'Virginia, United States', country: 'United States', locale: 'Virginia', privateCapable: true, provider: { name: 'amazon-web-services', region: 'us-east-1' } },
  { name: 'oregon', description: 'Oregon, United States', country: 'United States', locale: 'Oregon', privateCapable: true, provider: { name: 'amazon-web-services', region: 'us-west-2' } },
  { name: 'frankfurt', description: 'Frankfurt, Germany', country: 'Germany', locale: 'Frankfurt', privateCapable: true, provider: { name: 'amazon-web-services', region: 'eu-central-1' } },
  { name: 'tokyo', description: 'Tokyo, Japan', country: 'Japan', locale: 'Tokyo', privateCapable: true, provider: { name: 'amazon-web-services', region: 'ap-northeast-1' } },
];

export const STACKS = [
  { name: 'heroku-22', state: 'supported', default: false },
  { name: 'heroku-24', state: 'supported', default: true },
  { name: 'container', state: 'supported', default: false },
];

export interface DynoSizeInfo { name: string; memory: number; compute: number; cost: number | null; dedicated: boolean; privateSpaceOnly: boolean; tier: string }
export const DYNO_SIZES: DynoSizeInfo[] = [
  { name: 'eco', memory: 0.5, compute: 1, cost: null, dedicated: false, privateSpaceOnly: false, tier: 'eco' },
  { name: 'basic', memory: 0.5, compute: 1, cost: 7, dedicated: false, privateSpaceOnly: false, tier: 'basic' },
  { name: 'standard-1X', memory: 0.5, compute: 1, cost: 25, dedicated: false, privateSpaceOnly: false, tier: 'production' },
  { name: 'standard-2X', memory: 1, compute: 2, cost: 50, dedicated: false, privateSpaceOnly: false, tier: 'production' },
  { name: 'performance-M', memory: 2.5, compute: 12, cost: 250, dedicated: true, privateSpaceOnly: false, tier: 'production' },
  { name: 'performance-L', memory: 14, compute: 50, cost: 500, dedicated: true, privateSpaceOnly: false, tier: 'production' },
  { name: 'private-S', memory: 1, compute: 2, cost: null, dedicated: true, privateSpaceOnly: true, tier: 'production' },
  { name: 'private-M', memory: 2.5, compute: 12, cost: null, dedicated: true, privateSpaceOnly: true, tier: 'production' },
  { name: 'private-L', memory: 14, compute: 50, cost: null, dedicated: true, privateSpaceOnly: true, tier: 'production' },
];

/** Canonical size name for a user-supplied one (sizes are case-insensitive on Heroku), or undefined if unknown. */
export function canonicalSize(name: string): string | undefined {
  const aliases: Record<string, string> = { '1x': 'standard-1X', '2x': 'standard-2X', 'standard-1x': 'standard-1X', 'standard-2x': 'standard-2X', px: 'performance-L' };
  const lower = name.toLowerCase();
  return aliases[lower] ?? DYNO_SIZES.find((s) => s.name.toLowerCase() === lower)?.name;
}

export interface AddonServiceInfo { name: string; humanName: string; configVarStem: string; plans: { name: string; humanName: string; cents: number }[] }
export const ADDON_SERVICES: AddonServiceInfo[] = [
  { name: 'heroku-postgresql', humanName: 'Heroku Postgres', configVarStem: 'DATABASE', plans: [
    { name: 'essential-0', humanName: 'Essential 0', cents: 500 },
    { name: 'standard-0', humanName: 'Standard 0', cents: 5000 },
    { name: 'premium-0', humanName: 'Premium 0', cents: 20000 },
  ] },
  { name: 'heroku-redis', humanName: 'Heroku Key-Value Store', configVarStem: 'REDIS', plans: [
    { name: 'mini', humanName: 'Mini', cents: 300 },
    { name: 'premium-0', humanName: 'Premium 0', cents: 1500 },
  ] },
  { name: 'heroku-kafka', humanName: 'Apache Kafka on Heroku', configVarStem: 'KAFKA', plans: [
    { name: 'basic-0', humanName: 'Basic 0', cents: 10000 },
    { name: 'private-standard-2', humanName: 'Private Standard 2', cents: 175000 },
  ] },
];

export const serviceId = (service: string): string => stableId(`addon-service:${service}`);
export const planId = (plan: string): string => stableId(`plan:${plan}`);
export const regionId = (name: string): string => stableId(`region:${name}`);
export const stackId = (name: string): string => stableId(`stack:${name}`);
export const sizeId = (name: string): string => stableId(`dyno-size:${name}`);

export function findPlan(full: string): { service: AddonServiceInfo; plan: AddonServiceInfo['plans'][number] } | undefined {
  const [svc, p] = full.split(':');
  const service = ADDON_SERVICES.find((s) => s.name === svc);
  const plan = service?.plans.find((x) => x.name === p);
  return service && plan ? { service, plan } : undefined;
}
