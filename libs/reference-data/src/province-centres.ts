import { readCsv } from './load';
import { PROVINCES } from './provinces';

export interface ProvinceCentre {
  provinceCode: string;
  /** The ward where the provincial People's Committee sits, as wards.json names it ("Phường Hoàn Kiếm"). */
  seat: string;
  seatWardCode: string;
  /** The seat ward's point as the national merger map publishes it (WGS84 degrees), not the building's. */
  lat: number;
  lon: number;
}

interface ProvinceCentreRow {
  code: string;
  name: string;
  seat: string;
  lat: string;
  lon: string;
  seat_ward_code: string;
}

/** IUGG mean Earth radius: the usual choice for a spherical great-circle distance. */
const EARTH_RADIUS_KM = 6371.0088;

function toCentre(row: ProvinceCentreRow): ProvinceCentre {
  const lat = Number(row.lat);
  const lon = Number(row.lon);
  if (
    row.lat.trim() === '' ||
    row.lon.trim() === '' ||
    !Number.isFinite(lat) ||
    !Number.isFinite(lon)
  ) {
    throw new Error(`province_centres.csv: province ${row.code} has no usable coordinates`);
  }
  return { provinceCode: row.code, seat: row.seat, seatWardCode: row.seat_ward_code, lat, lon };
}

// Refuse to start on a file that lost a province or mislabels one: a missing centre would
// silently drop a supplier from distance scoring.
function loadCentres(): Map<string, ProvinceCentre> {
  const rows = new Map(readCsv<ProvinceCentreRow>('province_centres.csv').map((r) => [r.code, r]));
  const centres = new Map<string, ProvinceCentre>();
  for (const province of PROVINCES) {
    const row = rows.get(province.code);
    if (!row) throw new Error(`province_centres.csv has no row for province ${province.code}`);
    if (row.name !== province.name) {
      throw new Error(
        `province_centres.csv names province ${province.code} "${row.name}", not "${province.name}"`,
      );
    }
    centres.set(province.code, toCentre(row));
  }
  const unknown = [...rows.keys()].filter((code) => !centres.has(code));
  if (unknown.length > 0)
    throw new Error(`province_centres.csv has unknown provinces ${unknown.join(', ')}`);
  return centres;
}

const centres = loadCentres();

/** The administrative centre of one of the 34 provincial units; undefined for any other code. */
export const provinceCentre = (code: string): ProvinceCentre | undefined => centres.get(code);

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * Great-circle (haversine) distance in km between two provinces' administrative centres — as the
 * crow flies, shorter than any road. 0 within one province; undefined when either code is unknown.
 */
export function provinceDistanceKm(a: string, b: string): number | undefined {
  const from = centres.get(a);
  const to = centres.get(b);
  if (!from || !to) return undefined;
  if (a === b) return 0;
  const dLat = radians(to.lat - from.lat);
  const dLon = radians(to.lon - from.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(from.lat)) * Math.cos(radians(to.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
