/**
 * Realistic, made-up leads for demos and load tests: local businesses by
 * niche and city, a contact, a reachable-looking email and phone (fictional
 * 555-01xx / Ofcom drama ranges), a score, a place in the funnel and a few
 * personalization bullets. No network; the same seed gives the same leads.
 */
import type { components } from '#client/api_types'
import { LeadScore, LeadStatus } from '../enums.js'

/** A lead as the seed inserts it: the API's fields but the id, with its times as Dates. */
export type GeneratedLead = Omit<
  components['schemas']['Lead'],
  // suppressed, suppression: read when a lead is, never stored
  'id' | 'last_action_at' | 'created_at' | 'updated_at' | 'suppressed' | 'suppression'
> & {
  last_action_at: Date | null
  created_at: Date
  updated_at: Date
}

/** mulberry32: a tiny, fast, seedable PRNG (not for secrets). */
export function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Niche {
  name: string
  words: string[]
  roles: string[]
  hooks: string[]
}

const NICHES: Niche[] = [
  {
    name: 'Dentists',
    words: ['Dental', 'Family Dentistry', 'Smiles', 'Dental Care', 'Orthodontics'],
    roles: ['Practice Manager', 'Owner', 'Office Manager'],
    hooks: ['No online booking on the website', 'Reviews praise the hygienists by name'],
  },
  {
    name: 'Roofers',
    words: ['Roofing', 'Roofing & Gutters', 'Roof Repair', 'Exteriors'],
    roles: ['Owner', 'Operations Manager', 'Estimator'],
    hooks: ['Runs Google Ads for "emergency roof repair"', 'Storm-damage page has no photos'],
  },
  {
    name: 'Plumbers',
    words: ['Plumbing', 'Plumbing & Drains', 'Rooter', 'Pipe Pros'],
    roles: ['Owner', 'Dispatcher', 'General Manager'],
    hooks: ['24/7 line goes to voicemail after 9pm', 'No prices on the website'],
  },
  {
    name: 'HVAC',
    words: ['Heating & Air', 'HVAC', 'Climate Control', 'Comfort Systems'],
    roles: ['Owner', 'Service Manager', 'Marketing Lead'],
    hooks: ['Maintenance plan page is hard to find', 'Spring tune-up promo expired'],
  },
  {
    name: 'Law firms',
    words: ['Law Group', 'Legal', '& Associates', 'Law Office', 'Attorneys'],
    roles: ['Managing Partner', 'Office Administrator', 'Partner'],
    hooks: ['Intake form asks for 14 fields', 'Blog last updated two years ago'],
  },
  {
    name: 'Accountants',
    words: ['Accounting', 'CPA', 'Tax & Bookkeeping', 'Advisors'],
    roles: ['Partner', 'Owner', 'Client Services Lead'],
    hooks: ['Tax-season waitlist mentioned on Facebook', 'No client portal login on site'],
  },
  {
    name: 'Chiropractors',
    words: ['Chiropractic', 'Spine & Wellness', 'Chiro Center'],
    roles: ['Owner', 'Front Desk Lead', 'Clinic Director'],
    hooks: ['New-patient special not on the homepage', 'Great reviews, few photos'],
  },
  {
    name: 'Veterinarians',
    words: ['Animal Hospital', 'Veterinary Clinic', 'Pet Care', 'Vet'],
    roles: ['Practice Manager', 'Medical Director', 'Owner'],
    hooks: ['Reviews mention long wait times', 'No online pharmacy link'],
  },
  {
    name: 'Gyms',
    words: ['Fitness', 'Strength Co.', 'Athletic Club', 'CrossFit', 'Gym'],
    roles: ['Owner', 'General Manager', 'Head Coach'],
    hooks: ['Free trial buried in the footer', 'Instagram posts daily, site is stale'],
  },
  {
    name: 'Hair salons',
    words: ['Salon', 'Hair Studio', 'Hair & Beauty', 'Barbers'],
    roles: ['Owner', 'Salon Manager'],
    hooks: ['Booking only by phone', 'Stylists have big personal followings'],
  },
  {
    name: 'Restaurants',
    words: ['Kitchen', 'Bistro', 'Trattoria', 'Grill', 'Taqueria', 'Cantina'],
    roles: ['Owner', 'General Manager', 'Chef-Owner'],
    hooks: ['Menu is a scanned PDF', 'No catering page despite catering reviews'],
  },
  {
    name: 'Bakeries',
    words: ['Bakery', 'Bake Shop', 'Patisserie', 'Bread Co.'],
    roles: ['Owner', 'Head Baker'],
    hooks: ['Custom cake orders by email only', 'Sells out by noon according to reviews'],
  },
  {
    name: 'Auto repair',
    words: ['Auto Repair', 'Automotive', 'Auto Care', 'Garage', 'Collision'],
    roles: ['Owner', 'Service Advisor', 'Shop Manager'],
    hooks: ['No way to request a quote online', 'Replies to every Google review'],
  },
  {
    name: 'Landscapers',
    words: ['Landscaping', 'Lawn & Garden', 'Outdoor Living', 'Tree Service'],
    roles: ['Owner', 'Crew Lead', 'Office Manager'],
    hooks: ['Gallery has great before/after photos', 'Seasonal cleanup offer not online'],
  },
  {
    name: 'Real estate agencies',
    words: ['Realty', 'Properties', 'Real Estate', 'Homes'],
    roles: ['Broker', 'Team Lead', 'Marketing Coordinator'],
    hooks: ['Listings page loads slowly on mobile', 'No home-valuation form'],
  },
  {
    name: 'Med spas',
    words: ['Med Spa', 'Aesthetics', 'Skin Clinic', 'Laser & Skin'],
    roles: ['Owner', 'Medical Director', 'Spa Manager'],
    hooks: ['Prices hidden behind "call us"', 'Membership program not explained'],
  },
  {
    name: 'Physiotherapy',
    words: ['Physio', 'Physical Therapy', 'Rehab & Sports', 'Movement Clinic'],
    roles: ['Clinic Director', 'Owner', 'Practice Manager'],
    hooks: ['Insurance list outdated', 'Strong Google rating, weak site'],
  },
  {
    name: 'Daycares',
    words: ['Early Learning', 'Daycare', 'Kids Academy', 'Montessori'],
    roles: ['Director', 'Owner'],
    hooks: ['Waitlist form is a Google Form', 'Parents rave about the teachers'],
  },
  {
    name: 'Electricians',
    words: ['Electric', 'Electrical Services', 'Power & Light'],
    roles: ['Owner', 'Office Manager', 'Master Electrician'],
    hooks: ['EV-charger installs not advertised', 'No emergency number on mobile'],
  },
  {
    name: 'Cleaning services',
    words: ['Cleaning Co.', 'Maids', 'Janitorial', 'Home Cleaning'],
    roles: ['Owner', 'Operations Manager'],
    hooks: ['Quote calculator is broken', 'Recurring-cleaning discount not shown'],
  },
  {
    name: 'Florists',
    words: ['Florist', 'Flowers', 'Floral Design', 'Blooms'],
    roles: ['Owner', 'Lead Designer'],
    hooks: ['Wedding portfolio is only on Instagram', 'Same-day delivery cutoff unclear'],
  },
  {
    name: 'Marketing agencies',
    words: ['Creative', 'Digital', 'Media', 'Studio', 'Marketing'],
    roles: ['Founder', 'Managing Director', 'Head of Growth'],
    hooks: ['Case studies are two years old', 'Founder posts weekly on LinkedIn'],
  },
]

const REGIONS: [city: string, country: 'US' | 'UK' | 'EU' | 'CA' | 'BR'][] = [
  ['Austin, TX', 'US'],
  ['Denver, CO', 'US'],
  ['Portland, OR', 'US'],
  ['Nashville, TN', 'US'],
  ['Raleigh, NC', 'US'],
  ['Phoenix, AZ', 'US'],
  ['Columbus, OH', 'US'],
  ['San Diego, CA', 'US'],
  ['Tampa, FL', 'US'],
  ['Minneapolis, MN', 'US'],
  ['Boise, ID', 'US'],
  ['Salt Lake City, UT', 'US'],
  ['Charlotte, NC', 'US'],
  ['Kansas City, MO', 'US'],
  ['Pittsburgh, PA', 'US'],
  ['Sacramento, CA', 'US'],
  ['Manchester, UK', 'UK'],
  ['Leeds, UK', 'UK'],
  ['Bristol, UK', 'UK'],
  ['Glasgow, UK', 'UK'],
  ['München, DE', 'EU'],
  ['Zürich, CH', 'EU'],
  ['Kraków, PL', 'EU'],
  ['Lyon, FR', 'EU'],
  ['Montréal, QC', 'CA'],
  ['Toronto, ON', 'CA'],
  ['São Paulo, BR', 'BR'],
]

const PREFIXES = [
  'Bright',
  'Summit',
  'Oak & Pine',
  'Riverside',
  'Blue Sky',
  'Golden Gate',
  'Evergreen',
  'Northside',
  'Premier',
  'Main Street',
  'Cedar',
  'Harbor',
  'Red Rock',
  'Lakeside',
  'Maple',
  'Pioneer',
  'Union',
  'Copper',
  'Silver Creek',
  'Heritage',
  'True North',
  'Sunrise',
  'Old Town',
  'Keystone',
]

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Sofia',
  'Liam',
  'Priya',
  'Mateo',
  'Olivia',
  'Noah',
  'Zoë',
  'José',
  'Fatima',
  'Ethan',
  'Hannah',
  'Kenji',
  'Amara',
  'Lucas',
  'Ingrid',
  'Diego',
  'Grace',
  'Omar',
  'Chloé',
  'Sean',
]

const LAST = [
  'Garcia',
  'Smith',
  'Okafor',
  'Nguyen',
  'Rossi',
  'Johnson',
  'Patel',
  'Hernández',
  "O'Brien",
  'Müller',
  'Kowalski',
  'Williams',
  'Tanaka',
  'Silva',
  'Brown',
  'Dubois',
  'Khan',
  'Andersen',
  'Lopez',
  'Walker',
]

const SOURCES = ['google_maps', 'yelp', 'linkedin', 'directory', 'referral', 'website_form']

const GENERIC_HOOKS = [
  'Owner replies to every review: cares about reputation',
  'Instagram inactive since last year',
  'Website not mobile-friendly',
  'Recently opened a second location',
  'Hiring on Indeed: growing',
  'Competitor two blocks away ranks above them',
  'Newsletter signup but no newsletter sent',
  'Featured in the local paper this spring',
]

const NEXT_STEPS: Partial<Record<LeadStatus, string[]>> = {
  [LeadStatus.Approved]: ['Send the approved email', 'Call before sending the email'],
  [LeadStatus.Contacted]: [
    'Follow up on Tuesday',
    'Call the front desk after 2pm',
    'Send the case study',
    'Second email if no reply by Friday',
  ],
  [LeadStatus.Replied]: ['Book a 20-minute call', 'Send pricing', 'Answer questions about setup'],
  [LeadStatus.Booked]: ['Prepare the demo', 'Send the agenda the day before'],
  [LeadStatus.Lost]: ['Revisit next quarter'],
}

/* A funnel, not a uniform spread: most leads are early. */
const STATUS_WEIGHTS: [LeadStatus, number][] = [
  [LeadStatus.New, 0.3],
  [LeadStatus.Enriched, 0.2],
  [LeadStatus.Drafted, 0.12],
  [LeadStatus.Approved, 0.08],
  [LeadStatus.Contacted, 0.12],
  [LeadStatus.Replied, 0.07],
  [LeadStatus.Booked, 0.04],
  [LeadStatus.Lost, 0.07],
]

const SCORE_WEIGHTS: [LeadScore, number][] = [
  [LeadScore.A, 0.2],
  [LeadScore.B, 0.45],
  [LeadScore.C, 0.35],
]

const DAY = 86_400_000

function ascii(value: string) {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

function slug(value: string) {
  return ascii(value)
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '')
}

function phoneFor(country: string, random: () => number) {
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  switch (country) {
    case 'UK':
      return `+44 161 496 0${digits(3)}`
    case 'EU':
      return `+49 30 ${digits(3)} ${digits(4)}`
    case 'BR':
      return `+55 11 9${digits(4)}-${digits(4)}`
    default:
      return `+1 ${200 + Math.floor(random() * 700)}-555-01${digits(2)}`
  }
}

/**
 * Makes leads number `from` to `from + count - 1` of a seed. The domain
 * ends with the lead's number after a dash (names have no dashes), so every
 * generated lead has its own website and email: the dedupe indexes would
 * refuse repeats.
 */
export function* generateLeads(options: {
  count: number
  seed?: number
  from?: number
  now?: Date
  /** Overrides the random source, so a batch can be found (and removed) again. */
  source?: string
}): Generator<GeneratedLead> {
  const seed = options.seed ?? 1
  const from = options.from ?? 0
  const random = prng(seed * 2_654_435_761 + from)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  const weighted = <T>(items: [T, number][]) => {
    let roll = random()
    for (const [item, weight] of items) {
      roll -= weight
      if (roll < 0) return item
    }
    return items[items.length - 1][0]
  }
  const now = (options.now ?? new Date()).getTime()

  for (let index = from; index < from + options.count; index++) {
    const niche = pick(NICHES)
    const [region, country] = pick(REGIONS)
    const city = region.split(',')[0]
    const lead =
      random() < 0.3 ? `${city} ${pick(niche.words)}` : `${pick(PREFIXES)} ${pick(niche.words)}`
    const business = random() < 0.15 ? `${lead} ${pick(['LLC', 'Inc.', 'Ltd', '& Co.'])}` : lead
    const domain = `${slug(lead)}-${index.toString(36)}.${country === 'UK' ? 'co.uk' : country === 'EU' ? 'eu' : 'com'}`
    const website = `${random() < 0.5 ? 'https://www.' : 'https://'}${domain}${random() < 0.2 ? '/' : ''}`

    const hasContact = random() < 0.85
    const first = pick(FIRST)
    const last = pick(LAST)
    const email = !hasContact
      ? random() < 0.5
        ? `info@${domain}`
        : null
      : random() < 0.6
        ? `${slug(first)}@${domain}`
        : `${slug(first)}.${slug(last)}@${domain}`

    const status = weighted(STATUS_WEIGHTS)
    const createdAt = now - Math.floor(random() * 365 * DAY)
    const acted = status !== LeadStatus.New
    const lastActionAt = acted ? createdAt + Math.floor(random() * (now - createdAt)) : null
    const notes: string[] = []
    const bullets = Math.floor(random() * 4)
    for (let n = 0; n < bullets; n++) {
      const note = random() < 0.5 ? pick(niche.hooks) : pick(GENERIC_HOOKS)
      if (!notes.includes(note)) notes.push(note)
    }

    yield {
      business_name: business,
      niche: niche.name,
      region,
      website,
      contact_name: hasContact ? `${first} ${last}` : null,
      contact_role: hasContact ? pick(niche.roles) : null,
      email,
      phone: random() < 0.9 ? phoneFor(country, random) : null,
      source: options.source ?? pick(SOURCES),
      lead_score: weighted(SCORE_WEIGHTS),
      status,
      last_action_at: lastActionAt === null ? null : new Date(lastActionAt),
      next_step: NEXT_STEPS[status] ? pick(NEXT_STEPS[status]!) : null,
      notes,
      created_at: new Date(createdAt),
      updated_at: new Date(lastActionAt ?? createdAt),
    }
  }
}

export const SEED_COLUMNS = [
  'business_name',
  'niche',
  'region',
  'website',
  'contact_name',
  'contact_role',
  'email',
  'phone',
  'source',
  'lead_score',
  'status',
  'last_action_at',
  'next_step',
  'notes',
  'created_at',
  'updated_at',
] as const

function csvCell(value: string | null) {
  if (value === null) return ''
  return `"${value.replace(/"/g, '""')}"`
}

/** One line of `COPY ... FROM STDIN WITH (FORMAT csv)`: unquoted empty is NULL. */
export function toCsvLine(lead: GeneratedLead) {
  return (
    SEED_COLUMNS.map((column) => {
      const value = lead[column]
      if (value === null) return ''
      if (value instanceof Date) return value.toISOString()
      if (Array.isArray(value)) return csvCell(JSON.stringify(value))
      return csvCell(value)
    }).join(',') + '\n'
  )
}
