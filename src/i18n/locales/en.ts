import type { Messages } from "../catalog.js";

export const en: Messages = {
  outcome: {
    noAnswer:
      "I don't have an answer for that. My answers cover WhatsApp privacy and security; try other words, or browse the topics.",
    noAnswerWithSuggestions: "I don't have an answer for that. The closest topics I know are:",
    outOfScope:
      "I only answer questions about privacy and security on WhatsApp. For help with using WhatsApp, see WhatsApp's Help Center (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `I can't answer in your language yet; here is the answer in English. Answers are available in: ${languages}.`,
    untranslated: "This answer is not yet available in your language; here it is in English.",
  },
};
