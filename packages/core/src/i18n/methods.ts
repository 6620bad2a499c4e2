/**
 * The methods section of the report: one plain-language definition per measure, in English and Dutch, each
 * pointing at the paper it comes from (`REFERENCES`, cited by key).
 */
import { BETWEENNESS_EXACT_MAX_NODES, BETWEENNESS_EXACT_MAX_WORK } from '../centrality/betweenness.js';
import type { Lang } from './report-text.js';

/** The default switch point of exact betweenness, in words (the constants of `centrality/betweenness.ts`). */
const EXACT_NODES = { en: BETWEENNESS_EXACT_MAX_NODES.toLocaleString('en-US'), nl: BETWEENNESS_EXACT_MAX_NODES.toLocaleString('en-US').replace(/,/g, '.') };
const EXACT_WORK = `${BETWEENNESS_EXACT_MAX_WORK / 10 ** Math.floor(Math.log10(BETWEENNESS_EXACT_MAX_WORK))}·10^${Math.floor(Math.log10(BETWEENNESS_EXACT_MAX_WORK))}`;

/** A reference with its DOI where one exists. */
export interface Reference {
  key: string;
  text: string;
  doi: string | null;
}

export const REFERENCES: readonly Reference[] = Object.freeze([
  { key: 'granovetter1973', text: 'Granovetter, M. S. (1973). The strength of weak ties. American Journal of Sociology, 78(6), 1360–1380.', doi: '10.1086/225469' },
  { key: 'newman2001', text: 'Newman, M. E. J. (2001). Scientific collaboration networks. II. Shortest paths, weighted networks, and centrality. Physical Review E, 64, 016132.', doi: '10.1103/PhysRevE.64.016132' },
  { key: 'onnela2007', text: 'Onnela, J.-P., Saramäki, J., Hyvönen, J., Szabó, G., Lazer, D., Kaski, K., Kertész, J. & Barabási, A.-L. (2007). Structure and tie strengths in mobile communication networks. PNAS, 104(18), 7332–7336.', doi: '10.1073/pnas.0610245104' },
  { key: 'tumminello2011', text: 'Tumminello, M., Miccichè, S., Lillo, F., Piilo, J. & Mantegna, R. N. (2011). Statistically validated networks in bipartite complex systems. PLoS ONE, 6(3), e17994.', doi: '10.1371/journal.pone.0017994' },
  { key: 'neal2014', text: 'Neal, Z. P. (2014). The backbone of bipartite projections: Inferring relationships from co-authorship, co-sponsorship, co-attendance and other co-behaviors. Social Networks, 39, 84–97.', doi: '10.1016/j.socnet.2014.06.001' },
  { key: 'neal2013', text: 'Neal, Z. P. (2013). Identifying statistically significant edges in one-mode projections. Social Network Analysis and Mining, 3, 915–924.', doi: '10.1007/s13278-013-0107-y' },
  { key: 'serrano2009', text: 'Serrano, M. Á., Boguñá, M. & Vespignani, A. (2009). Extracting the multiscale backbone of complex weighted networks. PNAS, 106(16), 6483–6488.', doi: '10.1073/pnas.0808904106' },
  { key: 'holm1979', text: 'Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of Statistics, 6(2), 65–70.', doi: null },
  { key: 'benjamini1995', text: 'Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate. Journal of the Royal Statistical Society B, 57(1), 289–300.', doi: '10.1111/j.2517-6161.1995.tb02031.x' },
  { key: 'brandes2001', text: 'Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology, 25(2), 163–177.', doi: '10.1080/0022250X.2001.9990249' },
  { key: 'brandes2007', text: 'Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. International Journal of Bifurcation and Chaos, 17(7), 2303–2318.', doi: '10.1142/S0218127407018403' },
  { key: 'burt1992', text: 'Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard University Press.', doi: null },
  { key: 'batagelj2003', text: 'Batagelj, V. & Zaveršnik, M. (2003). An O(m) algorithm for cores decomposition of networks. arXiv cs/0310049.', doi: null },
  { key: 'blondel2008', text: 'Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008). Fast unfolding of communities in large networks. Journal of Statistical Mechanics, P10008.', doi: '10.1088/1742-5468/2008/10/P10008' },
  { key: 'davis1941', text: 'Davis, A., Gardner, B. B. & Gardner, M. R. (1941). Deep South. University of Chicago Press (the Southern Women data, used to test every measure).', doi: null },
]);

/** One measure: its name, a definition in words, and the references behind it. */
export interface MethodEntry {
  term: string;
  text: string;
  cites: string[];
}

const METHODS: Record<Lang, MethodEntry[]> = {
  en: [
    { term: 'Ties', text: 'Two people are tied when they attended at least one common event; two organisations are tied when their members (or the organisations themselves) were present at a common event. Ties between colleagues of one organisation are counted as internal ties of that organisation.', cites: [] },
    { term: 'Strong and weak, active and fading', text: 'The number of shared events is the tie strength. A tie is strong from the threshold stated with the tie counts, otherwise weak; it is fading when the last shared event lies longer ago than the fading period before the as-of date. Strong and weak ties follow Granovetter: weak ties bridge circles, strong ties carry trust.', cites: ['granovetter1973'] },
    { term: 'Newman weight and strength', text: 'Each shared event adds 1/(n − 1), where n is the number of people (or organisations) present, so a small meeting counts more than a large one. A node’s strength is the sum of its tie weights.', cites: ['newman2001'] },
    { term: 'Neighbourhood overlap and local bridges', text: 'The share of the two ends’ partners that they have in common; a tie with no common partner is a local bridge.', cites: ['onnela2007'] },
    { term: 'Significance (backbone)', text: 'A tie’s p-value is the chance of at least this many shared events if each took part in the same number of events at random (hypergeometric, fixed-row model). Optional: the stochastic degree sequence model (SDSM) or the disparity filter; corrections for many tests by Holm or Benjamini–Hochberg.', cites: ['tumminello2011', 'neal2013', 'neal2014', 'serrano2009', 'holm1979', 'benjamini1995'] },
    { term: 'Betweenness', text: `How many shortest paths between two others pass through a node, counting each pair once (raw, not normalised). The weighted variant uses length 1/shared events, comparing path lengths exactly so that tied paths are all counted. In very large networks (by default more than ${EXACT_NODES.en} nodes, or more than ${EXACT_WORK} path-search steps) it is estimated from a random sample of start nodes instead; the scale notes then say so and state the error (the relative standard error of the highest values: the true value lies within two standard errors in about 95% of cases).`, cites: ['brandes2001', 'brandes2007', 'newman2001'] },
    { term: 'Constraint and effective size', text: 'Burt’s measures of brokerage: constraint is high when all of a node’s partners know each other; effective size counts the partners that are not redundant.', cites: ['burt1992'] },
    { term: 'Core number', text: 'The largest k such that the node belongs to a group in which everyone has at least k ties inside the group.', cites: ['batagelj2003'] },
    { term: 'Communities', text: 'Groups found by the Louvain method with a fixed random seed, so the same data give the same groups.', cites: ['blondel2008'] },
    { term: 'Attention', text: 'Rules over the organisation network as of the chosen date: isolated, only weak ties, a single contact, one event only, drifting (no attendance for a while after being active), outside the main component, dependent on one bridge, only ties inside the own sector, dependent on the convenor. The score sorts; the reasons explain.', cites: [] },
  ],
  nl: [
    { term: 'Banden', text: 'Twee personen hebben een band wanneer ze minstens één activiteit samen bijwoonden; twee organisaties wanneer hun medewerkers (of de organisaties zelf) samen op een activiteit waren. Banden tussen collega’s van één organisatie tellen als interne banden van die organisatie.', cites: [] },
    { term: 'Sterk en zwak, actief en vervagend', text: 'Het aantal gedeelde activiteiten is de sterkte van een band. Een band is sterk vanaf de drempel die bij de telling van de banden staat, anders zwak; hij vervaagt wanneer de laatste gedeelde activiteit langer dan de vervaagtermijn vóór de peildatum ligt. Sterke en zwakke banden volgen Granovetter: zwakke banden verbinden kringen, sterke banden dragen vertrouwen.', cites: ['granovetter1973'] },
    { term: 'Newman-gewicht en sterkte', text: 'Elke gedeelde activiteit telt 1/(n − 1), met n het aantal aanwezige personen (of organisaties): een kleine bijeenkomst weegt meer dan een grote. De sterkte van een knoop is de som van zijn gewichten.', cites: ['newman2001'] },
    { term: 'Overlap van de omgeving en lokale bruggen', text: 'Het aandeel partners dat beide uiteinden gemeen hebben; een band zonder gemeenschappelijke partner is een lokale brug.', cites: ['onnela2007'] },
    { term: 'Significantie (backbone)', text: 'De p-waarde van een band is de kans op minstens zoveel gedeelde activiteiten als beiden even vaak, maar willekeurig, hadden deelgenomen (hypergeometrisch model met vaste rijtotalen). Optioneel: het stochastische gradenmodel (SDSM) of de disparity filter; correctie voor veel toetsen volgens Holm of Benjamini–Hochberg.', cites: ['tumminello2011', 'neal2013', 'neal2014', 'serrano2009', 'holm1979', 'benjamini1995'] },
    { term: 'Betweenness', text: `Hoeveel kortste paden tussen twee anderen via een knoop lopen, elk paar één keer geteld (ruw, niet genormaliseerd). De gewogen variant gebruikt lengte 1/gedeelde activiteiten en vergelijkt padlengtes exact, zodat gelijke paden allemaal meetellen. In zeer grote netwerken (standaard meer dan ${EXACT_NODES.nl} knopen, of meer dan ${EXACT_WORK} zoekstappen) wordt zij geschat uit een willekeurige steekproef van startknopen; de opmerkingen over de schaal zeggen dat dan en geven de fout (de relatieve standaardfout van de hoogste waarden: de werkelijke waarde ligt in ongeveer 95% van de gevallen binnen twee standaardfouten).`, cites: ['brandes2001', 'brandes2007', 'newman2001'] },
    { term: 'Constraint en effectieve omvang', text: 'Burts maten voor makelaarschap: constraint is hoog wanneer alle partners van een knoop elkaar kennen; de effectieve omvang telt de partners die niet overbodig zijn.', cites: ['burt1992'] },
    { term: 'Kerngetal', text: 'De grootste k waarvoor de knoop tot een groep behoort waarin iedereen minstens k banden binnen de groep heeft.', cites: ['batagelj2003'] },
    { term: 'Gemeenschappen', text: 'Groepen gevonden met de Louvain-methode met een vaste toevalskiem: dezelfde gegevens geven dezelfde groepen.', cites: ['blondel2008'] },
    { term: 'Aandacht', text: 'Regels op het netwerk van organisaties op de gekozen datum: geïsoleerd, alleen zwakke banden, één contactpersoon, maar één activiteit, weggedreven (een tijd niet meer gekomen na actief te zijn geweest), buiten de hoofdcomponent, afhankelijk van één brug, alleen banden binnen de eigen sector, afhankelijk van de trekker. De score sorteert; de redenen verklaren.', cites: [] },
  ],
};

/** The methods entries in one language. */
export function methodEntries(lang: Lang): readonly MethodEntry[] {
  return METHODS[lang];
}
