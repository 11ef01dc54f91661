/** Every feature of the bot, in the order they get a chance at an update. */
export { feedbackFeature } from "./feedback.js";
export { groupFeature } from "./group.js";
export { helpFeature } from "./help.js";
export { inlineFeature } from "./inline.js";
export { languageChoice, languageFeature } from "./language.js";
export { membershipFeature } from "./membership.js";
export { privacyFeature } from "./privacy.js";
export { questionFeature } from "./question.js";
export { startFeature } from "./start.js";
export { statsFeature } from "./stats.js";
export { topicsFeature } from "./topics.js";
export { unhandledFeature } from "./unhandled.js";
