import type { Lead, Property } from '@soraaya/contracts';

export interface PropertyMatch {
  property: Property;
  score: number;
  reasons: string[];
}

const words = (s: string | null | undefined) =>
  new Set(
    (s ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && !['road', 'east', 'west', 'the'].includes(w)),
  );

/**
 * Scores how well an available property suits a lead (0–100), saying why:
 * budget fit 40, property type 25, location 25, the property the lead asked
 * about 10. Sold properties are never offered.
 */
export function matchProperty(lead: Lead, property: Property): PropertyMatch | null {
  if (property.availability === 'sold') return null;
  const reasons: string[] = [];
  let score = 0;
  const budgetLow = lead.budgetMinInr ?? lead.priceMinInr;
  const budgetHigh = lead.budgetMaxInr ?? lead.priceMaxInr ?? budgetLow;
  if (budgetLow !== null && budgetHigh !== null) {
    if (property.priceMinInr <= budgetHigh * 1.1 && property.priceMaxInr >= budgetLow * 0.9) {
      score += 40;
      reasons.push('within budget');
    } else if (property.priceMinInr <= budgetHigh * 1.3) {
      score += 15;
      reasons.push('slightly above budget');
    }
  }
  const wantedTypes = lead.propertyPreferences?.propertyTypes ?? (lead.propertyType ? [lead.propertyType] : []);
  if (wantedTypes.includes(property.type)) {
    score += 25;
    reasons.push(`${property.type}, as wanted`);
  }
  const wantedPlaces = [lead.location, ...(lead.propertyPreferences?.locations ?? [])];
  const propertyWords = words(property.location);
  if (wantedPlaces.some((p) => [...words(p)].some((w) => propertyWords.has(w)))) {
    score += 25;
    reasons.push(`in ${property.location}`);
  }
  if (lead.propertyName && lead.propertyName.toLowerCase() === property.name.toLowerCase()) {
    score += 10;
    reasons.push('the property the lead asked about');
  }
  if (property.availability === 'reserved') reasons.push('currently reserved');
  return score > 0 ? { property, score, reasons } : null;
}

export function bestMatches(lead: Lead, properties: Property[], limit: number): PropertyMatch[] {
  return properties
    .map((p) => matchProperty(lead, p))
    .filter((m): m is PropertyMatch => m !== null)
    .sort((a, b) => b.score - a.score || a.property.name.localeCompare(b.property.name))
    .slice(0, limit);
}
