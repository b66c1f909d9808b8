/** What an employer's own ad is made of: the form's data as stored, and the occupation it names. */

/** An occupation name of the JobTech taxonomy with its SSYK-4 group and occupation field. */
export interface Occupation {
  id: string;
  label: string;
  groupId: string | null;
  groupLabel: string;
  fieldId: string | null;
  fieldLabel: string;
}

/** What the employer wrote, as stored under raw.lotsa_own (and read back into the form). */
export interface OwnAdData {
  occupationId: string;
  occupationLabel: string;
  municipalityCode: string;
  employmentTypeId: string;
  worktimeId: string;
  hours: string;
  remote: boolean;
  vacancies: number;
  /** The last day to apply, YYYY-MM-DD (Europe/Stockholm); the ad closes when it is over. */
  deadline: string;
  applyUrl: string;
  applyEmail: string;
  descriptionSv: string;
  descriptionEn: string;
}

/** A checked ad, ready to be written: the data and the taxonomy labels it refers to. */
export interface OwnAdInput {
  headline: string;
  data: OwnAdData;
  occupation: Occupation;
  employmentTypeLabel: string;
  worktimeLabel: string;
}
