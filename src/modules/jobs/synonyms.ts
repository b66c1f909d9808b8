/**
 * English words for common occupations and their Swedish equivalents, so that someone who searches
 * the board in English ("nurse", "engineer") also finds the ads written in Swedish. Small on
 * purpose: the words people abroad actually type, not a dictionary.
 */
const ENGLISH_TO_SWEDISH: Record<string, string[]> = {
  nurse: ['sjuksköterska'],
  nurses: ['sjuksköterska'],
  doctor: ['läkare'],
  doctors: ['läkare'],
  physician: ['läkare'],
  dentist: ['tandläkare'],
  psychologist: ['psykolog'],
  pharmacist: ['apotekare', 'receptarie'],
  physiotherapist: ['fysioterapeut', 'sjukgymnast'],
  midwife: ['barnmorska'],
  teacher: ['lärare'],
  teachers: ['lärare'],
  preschool: ['förskollärare', 'förskola'],
  engineer: ['ingenjör'],
  engineers: ['ingenjör'],
  developer: ['utvecklare', 'systemutvecklare'],
  developers: ['utvecklare', 'systemutvecklare'],
  programmer: ['programmerare', 'utvecklare'],
  electrician: ['elektriker'],
  welder: ['svetsare'],
  mechanic: ['mekaniker'],
  carpenter: ['snickare'],
  plumber: ['rörmokare'],
  driver: ['förare', 'chaufför'],
  cook: ['kock'],
  chef: ['kock'],
  cleaner: ['lokalvårdare', 'städare'],
  accountant: ['redovisningsekonom', 'ekonom'],
  economist: ['ekonom'],
  lawyer: ['jurist'],
  architect: ['arkitekt'],
  manager: ['chef'],
  salesperson: ['säljare'],
  sales: ['säljare', 'försäljning'],
  miner: ['gruvarbetare'],
  mining: ['gruva'],
  warehouse: ['lager'],
  operator: ['operatör'],
  technician: ['tekniker'],
  assistant: ['assistent', 'biträde'],
  care: ['omsorg', 'vård'],
  caregiver: ['undersköterska', 'vårdbiträde'],
  social: ['socialsekreterare'],
  researcher: ['forskare'],
  job: ['jobb', 'arbete'],
};

export function englishSynonyms(word: string): string[] {
  return Object.hasOwn(ENGLISH_TO_SWEDISH, word) ? (ENGLISH_TO_SWEDISH[word] as string[]) : [];
}
