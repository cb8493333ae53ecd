import type { LeadStatus, LeadWritable } from '@soraaya/contracts';

type DemoLead = LeadWritable & { status: LeadStatus };

const mumbai = (
  contactPerson: string,
  phone: string,
  propertyName: string,
  propertyType: 'apartment' | 'penthouse' | 'villa',
  location: string,
  priceRange: string,
  status: LeadStatus,
  extra: Partial<LeadWritable> = {},
): DemoLead => ({ contactPerson, phone, propertyName, propertyType, location: `${location}, Mumbai`, priceRange, status, timeZone: 'Asia/Kolkata', ...extra });

/** 20 Mumbai luxury listings (₹3.2–45 Cr) and 15 leads elsewhere, across every status. */
export const DEMO_LEADS: DemoLead[] = [
  mumbai('Aarav Mehta', '+91 98200 12345', 'Lodha Altamount', 'penthouse', 'Altamount Road', '₹45 Cr', 'to_call', { priority: 'high', leadSource: 'referral', email: 'aarav.mehta@example.in' }),
  mumbai('Priya Raghavan', '09820012346', 'Oberoi Three Sixty West', 'apartment', 'Worli', '₹12 Cr - ₹15 Cr', 'qualified', {
    priority: 'high',
    email: 'priya.r@example.in',
    purchaseTimeline: 'immediate',
    financingStatus: 'cash_buyer',
    budgetMinInr: 120_000_000,
    budgetMaxInr: 160_000_000,
    leadSource: 'website',
  }),
  mumbai('Rohan Kapoor', '9820012347', 'Raheja Vivarea', 'apartment', 'Mahalaxmi', '8.5 crore', 'follow_up', { purchaseTimeline: '3_months' }),
  mumbai('Ananya Iyer', '91-98200-12348', 'Runwal Bliss', 'apartment', 'Kanjurmarg', '₹3.2 Cr', 'to_call', { priority: 'low', leadSource: 'csv_import' }),
  mumbai('Vikram Shah', '+919820012349', 'Four Seasons Private Residences', 'penthouse', 'Worli', '₹38 Cr - ₹42 Cr', 'qualified', {
    priority: 'high',
    financingStatus: 'cash_buyer',
    purchaseTimeline: 'immediate',
    notes: 'Cash buyer; wants sea view',
    leadSource: 'referral',
  }),
  mumbai('Meera Desai', '+91 (982) 001-2350', 'Lodha World One', 'apartment', 'Lower Parel', '₹18 Cr', 'calling'),
  mumbai('Farhan Qureshi', '+91 98200 12360', 'Rustomjee Crown', 'apartment', 'Prabhadevi', '₹14 Cr', 'in_call'),
  mumbai('Neha Joshi', '98200 12351', 'Kalpataru Magnus', 'apartment', 'Bandra East', '₹6 Cr - ₹7 Cr', 'callback_requested', {
    callbackAt: new Date(Date.now() + 26 * 3600_000).toISOString(),
    email: 'neha.joshi@example.in',
  }),
  mumbai('Nikhil Jain', '+91 98200 12362', 'Wadhwa 25 South', 'apartment', 'Prabhadevi', '₹16 Cr', 'human_input_needed', { priority: 'high', notes: 'Wants to negotiate parking' }),
  mumbai('Riya Sen', '+91 98200 12363', 'Omkar 1973', 'apartment', 'Worli', '₹9.8 Cr', 'not_interested'),
  mumbai('Harsh Agarwal', '+91 98200 12364', 'Indiabulls Blu', 'apartment', 'Worli', '₹13 Cr', 'unresponsive'),
  mumbai('Pooja Bhatt', '+91 98200 12361', 'Ashford Royale', 'apartment', 'Bhandup', '₹3.5 Cr', 'call_failed', { priority: 'low' }),
  mumbai('Divya Nair', '+91 98200 12353', 'Sunteck Signia Pearl', 'apartment', 'BKC', '₹11 Cr', 'human_follow_up', { financingStatus: 'pre_approved' }),
  mumbai('Kabir Malhotra', '+91 98200 12370', 'Lodha Malabar', 'penthouse', 'Malabar Hill', '₹42 Cr', 'to_call', { priority: 'high', leadSource: 'referral' }),
  mumbai('Isha Khanna', '+91 98200 12371', 'Hiranandani Gardens', 'apartment', 'Powai', '₹4 Cr', 'follow_up', { purchaseTimeline: '6_months', financingStatus: 'needs_financing' }),
  mumbai('Arjun Bajaj', '+91 98200 12372', 'Piramal Mahalaxmi', 'apartment', 'Mahalaxmi', '₹9 Cr', 'to_call'),
  mumbai('Sana Merchant', '+91 98200 12373', 'Lodha Trump Tower', 'apartment', 'Worli', '₹20 Cr', 'qualified', { purchaseTimeline: '3_months', financingStatus: 'pre_approved' }),
  mumbai('Dev Thakkar', '+91 98200 12374', 'Ajmera Treon', 'apartment', 'Wadala', '₹5.2 Cr', 'to_call', { leadSource: 'csv_import' }),
  mumbai('Tara Sethi', '+91 98200 12375', 'Raheja Artesia', 'apartment', 'Worli', '₹24 Cr', 'callback_requested', {
    callbackAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
    priority: 'high',
  }),
  mumbai('Yash Goenka', '+91 98200 12376', 'Oberoi Sky City', 'villa', 'Borivali East', '₹7.5 Cr', 'unresponsive', { priority: 'low' }),
  // 15 beyond Mumbai: other metros and NRI buyers
  { contactPerson: 'Karan Malhotra', phone: '+44 7700 900123', email: 'karan.malhotra@example.co.uk', propertyName: 'Lodha Park', propertyType: 'apartment', location: 'Lower Parel, Mumbai', priceRange: '₹9 Cr', status: 'to_call', priority: 'high', leadSource: 'nri_portal', timeZone: 'Europe/London', notes: 'NRI in London' },
  { contactPerson: 'Sanjay Gupta', phone: '+1 (415) 555-0132', email: 'sanjay.gupta@example.com', propertyName: 'Piramal Aranya', propertyType: 'villa', location: 'Byculla, Mumbai', priceRange: '₹22 Cr', status: 'callback_requested', priority: 'high', leadSource: 'nri_portal', timeZone: 'America/Los_Angeles', callbackAt: new Date(Date.now() + 30 * 3600_000).toISOString(), notes: 'Call after 7pm PT' },
  { contactPerson: 'Zoya Khan', phone: '+971 50 123 4567', propertyName: 'Lodha Bellezza', propertyType: 'apartment', location: 'Kukatpally, Hyderabad', priceRange: '₹4.2 Cr', status: 'follow_up', leadSource: 'nri_portal', timeZone: 'Asia/Dubai' },
  { contactPerson: 'Arjun Reddy', phone: '+91 98480 22354', propertyName: 'My Home Bhooja', propertyType: 'apartment', location: 'HITEC City, Hyderabad', priceRange: '₹5.5 Cr', status: 'not_interested', priority: 'low' },
  { contactPerson: 'Kavya Menon', phone: '+91 98450 12355', propertyName: 'Embassy Lake Terraces', propertyType: 'apartment', location: 'Hebbal, Bangalore', priceRange: '₹7.2 Cr', status: 'to_call', leadSource: 'api' },
  { contactPerson: 'Rahul Bose', phone: '+91 98310 12356', propertyName: 'DLF The Camellias', propertyType: 'apartment', location: 'Golf Course Road, Gurugram', priceRange: '₹25 Cr', status: 'human_input_needed', priority: 'high', leadSource: 'referral', notes: 'Asked for a site visit with spouse' },
  { contactPerson: 'Sneha Patil', phone: '+91 98220 12357', propertyName: 'Panchshil Trump Towers', propertyType: 'apartment', location: 'Kalyani Nagar, Pune', priceRange: '₹10 Cr', status: 'qualified', purchaseTimeline: '3_months', financingStatus: 'pre_approved' },
  { contactPerson: 'Aditya Rao', phone: '+91 98410 12358', propertyName: 'Casagrand Boulevard', propertyType: 'villa', location: 'ECR, Chennai', priceRange: '₹6.8 Cr', status: 'unresponsive', priority: 'low', notes: '3 attempts, no answer' },
  { contactPerson: 'Meenakshi Sundaram', phone: '+91 98410 12359', propertyName: 'Prestige Bougainvillea', propertyType: 'villa', location: 'Boat Club Road, Chennai', priceRange: '₹12 Cr', status: 'calling' },
  { contactPerson: 'Gaurav Chopra', phone: '+91 98110 12360', propertyName: 'DLF The Aralias', propertyType: 'apartment', location: 'Golf Course Road, Gurugram', priceRange: '₹18 Cr', status: 'human_follow_up', priority: 'high' },
  { contactPerson: 'Nandini Rao', phone: '+91 98450 12361', propertyName: 'Total Environment Pursuit of a Radical Rhapsody', propertyType: 'villa', location: 'Whitefield, Bangalore', priceRange: '₹9.5 Cr', status: 'follow_up', purchaseTimeline: '1_year' },
  { contactPerson: 'Imran Sheikh', phone: '+91 98220 12362', propertyName: 'Kolte Patil Ivy Estate', propertyType: 'apartment', location: 'Wagholi, Pune', priceRange: '₹1.2 Cr', status: 'call_failed', priority: 'low', leadSource: 'csv_import' },
  { contactPerson: 'Ritu Agarwal', phone: '+91 98310 12363', propertyName: 'DLF Crest', propertyType: 'apartment', location: 'Sector 54, Gurugram', priceRange: '₹7 Cr', status: 'in_call' },
  { contactPerson: 'Vivek Menon', phone: '+65 8123 4567', propertyName: 'Prestige Golfshire', propertyType: 'villa', location: 'Nandi Hills, Bangalore', priceRange: '₹8 Cr', status: 'to_call', leadSource: 'nri_portal', timeZone: 'Asia/Singapore' },
  { contactPerson: 'Ayesha Siddiqui', phone: '+91 98480 12364', propertyName: 'Lodha Meridian', propertyType: 'apartment', location: 'Kukatpally, Hyderabad', priceRange: '₹2.8 Cr', status: 'to_call', priority: 'low', leadSource: 'website' },
];
