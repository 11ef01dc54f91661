import { beforeAll, describe, expect, it } from "vitest";
import { clientLanguage, replyLanguageOf } from "../../src/answering/language.js";
import type { AnswerService } from "../../src/answering/service.js";
import { realService } from "../support/knowledge-base.js";

let service: AnswerService;
beforeAll(async () => {
  service = await realService();
});

describe("the question's language, from its text", () => {
  it.each([
    ["whatsapp puede leer mis mensajes?", "es"],
    ["mi whatsapp fue hackeado", "es"],
    ["o zap pode ler minhas mensagens?", "pt"],
    ["kann whatsapp meine nachrichten lesen", "de"],
    ["est-ce que whatsapp peut lire mes messages", "fr"],
    ["क्या व्हाट्सएप मेरे मैसेज पढ़ सकता है", "hi"],
    ["kya whatsapp mere message padh sakta hai", "hi"],
    ["whatsapp mesajlarımı okuyabilir mi", "tr"],
    ["WA bisa baca chat aku ga", "id"],
    ["can whatsapp read my messages", "en"],
    ["encryption", "en"],
    // Mostly words every language knows (whatsapp, web, qr, code): the rest are English.
    ["how to log in to whatsapp web with the qr code", "en"],
  ])("reads %j as %s and answers in it", (question, language) => {
    const reply = service.ask(question);
    expect(reply.decision.query).toBe(language);
    expect(reply.language).toBe(language);
    expect(reply.decision.unsupported).toBe(false);
    if (reply.answer !== null) expect(reply.answer.language).toBe(language);
  });

  it("answers a question in a language it does not speak in English, saying so", () => {
    const reply = service.ask("kan whatsapp läsa mina meddelanden");
    expect(reply.decision.unsupported).toBe(true);
    expect(reply.language).toBe("en");
  });
});

describe("hints", () => {
  it("lets short questions lean on the client's language", () => {
    expect(service.ask("backup?", { client: "de-DE,de;q=0.9" }).language).toBe("de");
    expect(service.ask("whatsapp hack", { client: "pt-BR" }).language).toBe("pt");
    expect(service.ask("backup?").language).toBe("en");
  });

  it("lets the text outweigh the client's language when it is plain", () => {
    expect(service.ask("whatsapp mesajlarımı okuyabilir mi", { client: "en-US" }).language).toBe(
      "tr",
    );
  });

  it("answers in an explicit or chosen language whatever the question's", () => {
    const explicit = service.ask("can whatsapp read my messages", { explicit: "fr" });
    expect(explicit.decision.query).toBe("en");
    expect(explicit.language).toBe("fr");
    expect(explicit.answer?.entry.id).toBe("e2e-messages");
    expect(explicit.answer?.language).toBe("fr");
    const chosen = service.ask("can whatsapp read my messages", { chosen: "es" });
    expect(chosen.language).toBe("es");
    expect(chosen.decision.source).toBe("chosen");
  });

  it("ignores unsupported or malformed hints", () => {
    expect(service.ask("can whatsapp read my messages", { explicit: "xx" }).language).toBe("en");
    expect(service.ask("backup?", { client: ";;;q=1,,*" }).language).toBe("en");
  });
});

describe("clientLanguage", () => {
  it("takes the first supported language of an Accept-Language header, by weight", () => {
    expect(clientLanguage("de-CH,de;q=0.9,en;q=0.8")).toBe("de");
    expect(clientLanguage("it-IT,it;q=0.9,pt-BR;q=0.8,en;q=0.5")).toBe("pt");
    expect(clientLanguage("en;q=0.2,fr;q=0.9")).toBe("fr");
    expect(clientLanguage("fr;q=0,es")).toBe("es");
    expect(clientLanguage("it,sv")).toBeUndefined();
    expect(clientLanguage("")).toBeUndefined();
    expect(clientLanguage(undefined)).toBeUndefined();
  });

  it("reads one Telegram language_code", () => {
    expect(clientLanguage("pt-br")).toBe("pt");
    expect(clientLanguage("id")).toBe("id");
  });
});

describe("replyLanguageOf (no question to read)", () => {
  it("takes explicit, then chosen, then the client's language, then English", () => {
    expect(replyLanguageOf({ explicit: "tr", chosen: "es", client: "de" })).toBe("tr");
    expect(replyLanguageOf({ chosen: "es", client: "de" })).toBe("es");
    expect(replyLanguageOf({ client: "de" })).toBe("de");
    expect(replyLanguageOf({})).toBe("en");
  });
});
