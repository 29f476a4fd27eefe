// @ts-check
// Words every question has: left out on both sides, they would only slow the search and blur it.

/** @type {Record<'fr' | 'en', ReadonlySet<string>>} */
export const STOP_WORDS = {
  fr: new Set(
    'le la les un une des du de au aux et ou en est ce ces cet cette je tu il elle on nous vous ils elles me mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs que qui quoi dont pour par sur dans avec sans pas ne plus tres bien est sont suis etre avoir ai as avez ont fait faire peut peux puis pouvez comment quand quel quelle quels quelles est-ce si se sa lui y a bonjour merci svp stp'.split(
      ' ',
    ),
  ),
  en: new Set(
    'the a an and or of to in on for with without is are am be was were do does did can could i you he she it we they me my your our their this that these those what which who how when where there here not no yes please hi hello thanks have has had will would should at by from as so if about'.split(
      ' ',
    ),
  ),
};
