import fc from "fast-check";

/** Strings attackers and broken clients send: any Unicode, controls, RTL, emoji, regex syntax. */
export const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 600 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    ".*+?^${}()|[]\\",
    "(a+)+$",
    "\u202e\u0645\u0631\u062d\u0628\u0627 whatsapp \u202c",
    "😀".repeat(300),
    "\u0000\u0001\u0002\u001f\u007f",
    "a\u0301".repeat(250),
    "ﷺ".repeat(100),
    "\ud800",
    " \t\n\r ",
  ),
  fc
    .array(
      fc.constantFrom("fb", "meta", "read", "__proto__", "encryption", "😀", "ｆｂ", "end-to-end"),
      { maxLength: 60 },
    )
    .map((words) => words.join(" ")),
);
