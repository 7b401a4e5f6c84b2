/**
 * The made-up world the demo crew works in: local businesses to find,
 * the people behind them, and the words of an outreach email. No network:
 * everything comes from these lists and a random source. Phone numbers use
 * fictional ranges (555-01xx, Ofcom's drama numbers).
 */

export type Random = () => number

interface Niche {
  name: string
  words: string[]
  roles: string[]
  hooks: string[]
  offer: string
}

export const NICHES: Niche[] = [
  {
    name: 'Dentists',
    words: ['Dental', 'Family Dentistry', 'Smiles', 'Dental Care'],
    roles: ['Practice Manager', 'Owner', 'Office Manager'],
    hooks: ['No online booking on the website', 'Reviews praise the hygienists by name'],
    offer: 'fill last-minute cancellations',
  },
  {
    name: 'Roofers',
    words: ['Roofing', 'Roofing & Gutters', 'Exteriors'],
    roles: ['Owner', 'Operations Manager', 'Estimator'],
    hooks: ['Runs ads for "emergency roof repair"', 'Storm-damage page has no photos'],
    offer: 'turn storm-season searches into booked inspections',
  },
  {
    name: 'Plumbers',
    words: ['Plumbing', 'Plumbing & Drains', 'Pipe Pros'],
    roles: ['Owner', 'Dispatcher', 'General Manager'],
    hooks: ['After-hours line goes to voicemail', 'No prices on the website'],
    offer: 'answer after-hours calls before a competitor does',
  },
  {
    name: 'Veterinarians',
    words: ['Animal Hospital', 'Veterinary Clinic', 'Pet Care'],
    roles: ['Practice Manager', 'Medical Director', 'Owner'],
    hooks: ['Reviews mention long wait times', 'No online pharmacy link'],
    offer: 'cut the phone queue with online check-in',
  },
  {
    name: 'Gyms',
    words: ['Fitness', 'Strength Co.', 'Athletic Club'],
    roles: ['Owner', 'General Manager', 'Head Coach'],
    hooks: ['Free trial buried in the footer', 'Instagram posts daily, site is stale'],
    offer: 'turn free-trial visitors into members',
  },
  {
    name: 'Bakeries',
    words: ['Bakery', 'Bake Shop', 'Bread Co.'],
    roles: ['Owner', 'Head Baker'],
    hooks: ['Custom cake orders by email only', 'Sells out by noon, say the reviews'],
    offer: 'take custom orders online',
  },
  {
    name: 'Law firms',
    words: ['Law Group', 'Legal', '& Associates'],
    roles: ['Managing Partner', 'Office Administrator'],
    hooks: ['Intake form asks for 14 fields', 'Blog last updated two years ago'],
    offer: 'shorten client intake',
  },
  {
    name: 'Landscapers',
    words: ['Landscaping', 'Lawn & Garden', 'Outdoor Living'],
    roles: ['Owner', 'Crew Lead', 'Office Manager'],
    hooks: ['Great before/after gallery', 'Seasonal cleanup offer not online'],
    offer: 'book spring cleanups before the rush',
  },
  {
    name: 'Med spas',
    words: ['Med Spa', 'Aesthetics', 'Skin Clinic'],
    roles: ['Owner', 'Spa Manager'],
    hooks: ['Prices hidden behind "call us"', 'Membership program not explained'],
    offer: 'sell memberships from the website',
  },
  {
    name: 'Auto repair',
    words: ['Auto Repair', 'Automotive', 'Auto Care'],
    roles: ['Owner', 'Service Advisor', 'Shop Manager'],
    hooks: ['No way to request a quote online', 'Replies to every Google review'],
    offer: 'take quote requests online',
  },
]

export const REGIONS: [city: string, country: 'US' | 'UK' | 'DE' | 'CA'][] = [
  ['Austin, TX', 'US'],
  ['Denver, CO', 'US'],
  ['Portland, OR', 'US'],
  ['Nashville, TN', 'US'],
  ['Raleigh, NC', 'US'],
  ['Tampa, FL', 'US'],
  ['Boise, ID', 'US'],
  ['Manchester, UK', 'UK'],
  ['Bristol, UK', 'UK'],
  ['München, DE', 'DE'],
  ['Toronto, ON', 'CA'],
]

const PREFIXES = [
  'Bright',
  'Summit',
  'Riverside',
  'Blue Sky',
  'Evergreen',
  'Northside',
  'Main Street',
  'Cedar',
  'Harbor',
  'Lakeside',
  'Maple',
  'Pioneer',
  'Copper',
  'Heritage',
  'True North',
  'Old Town',
]

const FIRST = ['Maria', 'James', 'Aisha', 'Chen', 'Sofia', 'Liam', 'Priya', 'Mateo', 'Zoë', 'José']
const LAST = ['Garcia', 'Okafor', 'Nguyen', 'Rossi', 'Patel', 'Hernández', "O'Brien", 'Müller']

const GENERIC_HOOKS = [
  'Owner replies to every review: cares about reputation',
  'Website not mobile-friendly',
  'Recently opened a second location',
  'Hiring: growing',
  'Competitor two blocks away ranks above them',
]

const SOURCES = ['google_maps', 'yelp', 'directory', 'linkedin']

export function pick<T>(items: readonly T[], random: Random = Math.random): T {
  return items[Math.floor(random() * items.length)]
}

function slug(value: string) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '')
}

export function nicheNamed(name: string) {
  return NICHES.find((niche) => niche.name === name)
}

export interface Search {
  niche: string
  region: string
  count: number
}

export function newSearch(random: Random = Math.random, fixed: Partial<Search> = {}): Search {
  return {
    niche: fixed.niche ?? pick(NICHES, random).name,
    region: fixed.region ?? pick(REGIONS, random)[0],
    count: fixed.count ?? 2 + Math.floor(random() * 3),
  }
}

/* The line the orchestrator leaves in a search task, so the lead finder knows what to look for. */
const SEARCH_LINE = /^search: niche=(.+?); region=(.+?); count=(\d+)$/m

export function describeSearch(search: Search) {
  return [
    `Find ${search.count} ${search.niche.toLowerCase()} in ${search.region} that could use help online.`,
    '',
    `search: niche=${search.niche}; region=${search.region}; count=${search.count}`,
  ].join('\n')
}

/** Whether a card is a search task the orchestrator wrote for the lead finder. */
export const isSearch = (task: { description: string }) => readSearch(task.description) !== null

export function readSearch(description: string): Search | null {
  const match = description.match(SEARCH_LINE)
  return match ? { niche: match[1], region: match[2], count: Number(match[3]) } : null
}

export interface FoundBusiness {
  business_name: string
  niche: string
  region: string
  website: string
  phone: string | null
  source: string
  lead_score: 'A' | 'B' | 'C'
}

function phoneFor(country: string, random: Random) {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  switch (country) {
    case 'UK':
      return `+44 161 496 0${digits(3)}`
    case 'DE':
      return `+49 30 ${digits(3)} ${digits(4)}`
    default:
      return `+1 ${200 + Math.floor(random() * 700)}-555-01${digits(2)}`
  }
}

/** A business of the niche in the region, as a search would list it. */
export function findBusiness(search: Search, random: Random = Math.random): FoundBusiness {
  const niche = nicheNamed(search.niche) ?? pick(NICHES, random)
  const entry = REGIONS.find(([city]) => city === search.region)
  const country = entry?.[1] ?? 'US'
  const city = search.region.split(',')[0]
  const name =
    random() < 0.3
      ? `${city} ${pick(niche.words, random)}`
      : `${pick(PREFIXES, random)} ${pick(niche.words, random)}`
  const tld = country === 'UK' ? 'co.uk' : country === 'DE' ? 'de' : country === 'CA' ? 'ca' : 'com'
  /* the same name in the same city is the same business: the server's dedupe says so */
  const withCity = !name.startsWith(city) && random() < 0.5
  const domain = `${slug(name)}${withCity ? slug(city) : ''}.${tld}`
  const score = random()
  return {
    business_name: name,
    niche: niche.name,
    region: search.region,
    website: `https://${random() < 0.5 ? 'www.' : ''}${domain}`,
    phone: random() < 0.7 ? phoneFor(country, random) : null,
    source: pick(SOURCES, random),
    lead_score: score < 0.25 ? 'A' : score < 0.7 ? 'B' : 'C',
  }
}

function domainOf(website: string) {
  try {
    return new URL(website.includes('://') ? website : `https://${website}`).hostname.replace(
      /^www\./,
      ''
    )
  } catch {
    return null
  }
}

export interface Enrichment {
  contact_name: string
  contact_role: string
  email: string | null
  phone: string | null
  notes: string[]
}

/** What an enricher "finds out" about a business: a contact, an email, personalization notes. */
export function enrich(
  lead: { niche: string; website: string; phone: string | null; notes: string[] },
  random: Random = Math.random
): Enrichment {
  const niche = nicheNamed(lead.niche)
  const first = pick(FIRST, random)
  const last = pick(LAST, random)
  const domain = domainOf(lead.website)
  const local = random() < 0.6 ? slug(first) : `${slug(first)}.${slug(last)}`
  const notes = [...lead.notes]
  for (const hook of [pick(niche?.hooks ?? GENERIC_HOOKS, random), pick(GENERIC_HOOKS, random)]) {
    if (!notes.includes(hook) && notes.length < 50) notes.push(hook)
  }
  return {
    contact_name: `${first} ${last}`,
    contact_role: pick(niche?.roles ?? ['Owner'], random),
    email: domain ? `${local}@${domain}` : null,
    phone: lead.phone ?? (random() < 0.5 ? phoneFor('US', random) : null),
    notes,
  }
}

export type Tone = 'friendly' | 'formal' | 'direct'

/** An outreach email for an enriched lead. */
export function writeEmail(
  lead: {
    business_name: string
    niche: string
    region: string
    contact_name: string | null
    notes: string[]
  },
  tone: Tone = 'friendly',
  random: Random = Math.random
) {
  const first = lead.contact_name?.split(' ')[0]
  const niche = nicheNamed(lead.niche)
  const hook = lead.notes.length ? pick(lead.notes, random) : null
  const greeting =
    tone === 'formal' ? `Dear ${lead.contact_name ?? 'team'},` : `Hi ${first ?? 'there'},`
  const opener = hook
    ? `I was looking at ${lead.business_name} and noticed: ${hook.charAt(0).toLowerCase()}${hook.slice(1)}.`
    : `I came across ${lead.business_name} while looking at ${lead.niche.toLowerCase()} in ${lead.region}.`
  const pitch = `We help ${lead.niche.toLowerCase()} ${niche?.offer ?? 'win more customers online'}, without adding work for the front desk.`
  const ask =
    tone === 'direct'
      ? 'Worth a 15-minute call this week?'
      : 'Would a short call next week be useful? Happy to share what worked for others nearby.'
  const sign = tone === 'formal' ? 'Kind regards,' : 'Best,'
  return {
    subject: `${lead.business_name}: ${niche?.offer ?? 'a quick idea'}`,
    body: [greeting, '', opener, pitch, '', ask, '', sign, 'The Mission Control crew'].join('\n'),
  }
}

/** The copywriter's second pass on its own: a small edit, and what it changed. */
export function revise(content: string, random: Random = Math.random) {
  const lines = content.split('\n')
  const change = pick(['Tightened the opening line', 'Shorter ask', 'Warmer sign-off'], random)
  if (change === 'Shorter ask') {
    const ask = lines.findIndex((line) => line.endsWith('?'))
    if (ask >= 0) lines[ask] = 'Open to a quick call?'
  } else if (change === 'Warmer sign-off') {
    const sign = lines.findIndex((line) => line === 'Best,' || line === 'Kind regards,')
    if (sign >= 0) lines[sign] = 'Thanks, and have a great week,'
  } else {
    const opener = lines.findIndex((line) => line.startsWith('I '))
    if (opener >= 0) {
      lines[opener] = lines[opener]
        .replace(/^I was looking at (.+?) and noticed: /, 'One thing stood out about $1: ')
        .replace(/^I came across (.+?) while looking at /, 'Found $1 while researching ')
    }
  }
  return { content: lines.join('\n'), change_note: change }
}
