import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Writes a realistic lead CSV: Indian and NRI numbers in many spellings, prices
 * in crore/lakh, a BOM and CRLF line ends like the customer's own export.
 * `duplicateShare` of rows repeat an earlier lead's phone written another way;
 * `badShare` of rows are wrong on purpose (bad phone, email, status or zone).
 * Deterministic for a given seed, so runs compare.
 */
export interface GeneratedFile {
  rows: number;
  uniqueLeads: number;
  duplicates: number;
  bad: number;
}

const FIRST = ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Meera', 'Karan', 'Sanjay', 'Neha', 'Ishaan', 'Divya', 'Arjun', 'Kavya', 'Rahul', 'Sneha', 'Aditya', 'Tanvi', 'Farhan', 'Pooja', 'Nikhil', 'Riya', 'Harsh', 'Zoya'];
const LAST = ['Mehta', 'Raghavan', 'Kapoor', 'Iyer', 'Shah', 'Desai', 'Malhotra', 'Gupta', 'Joshi', 'Verma', 'Nair', 'Reddy', 'Menon', 'Bose', 'Patil', 'Rao', 'Kulkarni', 'Qureshi', 'Bhatt', 'Jain', 'Sen', 'Agarwal', 'Khan'];
const PROPERTIES = [
  ['Lodha Altamount', 'penthouse', 'Altamount Road, Mumbai'],
  ['Oberoi Three Sixty West', 'apartment', 'Worli, Mumbai'],
  ['Raheja Vivarea', 'apartment', 'Mahalaxmi, Mumbai'],
  ['Embassy Lake Terraces', 'apartment', 'Hebbal, Bangalore'],
  ['DLF The Camellias', 'apartment', 'Golf Course Road, Gurugram'],
  ['Casagrand Boulevard', 'villa', 'ECR, Chennai'],
  ['Panchshil Trump Towers', 'apartment', 'Kalyani Nagar, Pune'],
  ['Godrej BKC', 'commercial', 'BKC, Mumbai'],
];
const STATUSES = ['to_call', 'to_call', 'to_call', 'follow_up', 'qualified', 'callback_requested', 'not_interested', 'unresponsive'];
const PRIORITIES = ['high', 'medium', 'low'];
const SOURCES = ['csv_import', 'referral', 'website', 'nri_portal', 'api', 'manual'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mobile number i as one of the ways people write Indian numbers. */
function indianPhone(i: number, style: number): string {
  const n = String(9_000_000_000 + i * 7); // distinct 10-digit mobiles starting with 9
  switch (style % 5) {
    case 0:
      return `+91 ${n.slice(0, 5)} ${n.slice(5)}`;
    case 1:
      return `0${n}`;
    case 2:
      return n;
    case 3:
      return `91-${n.slice(0, 5)}-${n.slice(5)}`;
    default:
      return `+91${n}`;
  }
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export async function generateLeadsCsv(path: string, rows: number, opts: { duplicateShare?: number; badShare?: number; seed?: number } = {}): Promise<GeneratedFile> {
  const random = rng(opts.seed ?? 42);
  const dupShare = opts.duplicateShare ?? 0.05;
  const badShare = opts.badShare ?? 0.01;
  const out = createWriteStream(path);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('\ufeffcontact_person,phone_number,email,property_name,property_type,location,price_range,status,priority,lead_source,timezone,notes\r\n');
  let unique = 0;
  let duplicates = 0;
  let bad = 0;
  for (let r = 0; r < rows; r++) {
    const roll = random();
    let leadNo: number;
    let phoneStyle = Math.floor(random() * 5);
    const isDuplicate = roll < dupShare && unique > 0;
    const isBad = !isDuplicate && roll >= dupShare && roll < dupShare + badShare;
    if (isDuplicate) {
      leadNo = Math.floor(random() * unique); // an earlier lead, its phone in another spelling
      phoneStyle += 1 + Math.floor(random() * 4);
      duplicates++;
    } else if (isBad) {
      leadNo = 50_000_000 + bad; // numbers of their own: a rejected row never shadows a real lead
    } else {
      leadNo = unique++;
    }
    const name = `${FIRST[leadNo % FIRST.length]} ${LAST[Math.floor(leadNo / FIRST.length) % LAST.length]}`;
    const [property, type, location] = PROPERTIES[leadNo % PROPERTIES.length]!;
    const crore = 3 + (leadNo % 43);
    const price = leadNo % 3 === 0 ? `₹${crore} Cr - ₹${crore + 2} Cr` : leadNo % 3 === 1 ? `${crore}.5 crore` : `${crore * 100 + 50} L`;
    const nri = leadNo % 20 === 0;
    let phone = nri ? `+44 7700 ${String(100000 + (leadNo % 899999)).padStart(6, '0')}` : indianPhone(leadNo, phoneStyle);
    let email = `${name.toLowerCase().replace(' ', '.')}.${leadNo}@example.in`;
    let status = STATUSES[leadNo % STATUSES.length]!;
    let zone = nri ? 'Europe/London' : leadNo % 7 === 0 ? '' : 'Asia/Kolkata';
    if (isBad) {
      bad++;
      const kind = Math.floor(random() * 4);
      if (kind === 0) phone = '12345';
      else if (kind === 1) email = 'not-an-email@example';
      else if (kind === 2) status = 'not_a_status';
      else zone = 'Mars/Olympus';
    }
    if (isDuplicate && random() < 0.5) email = email.toUpperCase();
    const line = [name, phone, email, property!, type!, location!, price, status, PRIORITIES[leadNo % 3]!, SOURCES[leadNo % SOURCES.length]!, zone, leadNo % 11 === 0 ? 'Prefers evening calls, after 7pm' : '']
      .map(csvCell)
      .join(',');
    await write(`${line}\r\n`);
  }
  out.end();
  await once(out, 'finish');
  return { rows, uniqueLeads: unique, duplicates, bad };
}
