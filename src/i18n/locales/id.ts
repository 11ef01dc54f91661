import type { Messages } from "../catalog.js";

/** Bahasa Indonesia, menyapa pengguna dengan "Anda" (seperti Pusat Bantuan WhatsApp). */
export const id: Messages = {
  outcome: {
    noAnswer:
      "Saya tidak punya jawaban untuk itu. Jawaban saya membahas privasi dan keamanan WhatsApp; coba kata lain, atau lihat daftar topik.",
    noAnswerWithSuggestions: "Saya tidak punya jawaban untuk itu. Topik terdekat yang saya tahu:",
    outOfScope:
      "Saya hanya menjawab pertanyaan tentang privasi dan keamanan di WhatsApp. Untuk bantuan memakai WhatsApp, kunjungi Pusat Bantuan WhatsApp (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `Saya belum bisa menjawab dalam bahasa Anda; berikut jawabannya dalam bahasa Inggris. Jawaban tersedia dalam: ${languages}.`,
    untranslated: "Jawaban ini belum tersedia dalam bahasa Anda; berikut versi bahasa Inggrisnya.",
  },
  languageName: "Bahasa Indonesia",
  bot: {
    unofficial: "Tidak resmi: tidak berafiliasi dengan WhatsApp atau Meta.",
    answer: {
      sources: "Sumber:",
      lastReviewed: (date) => `Terakhir ditinjau ${date}.`,
    },
    deepLinkIntro:
      "👋 Ini jawaban yang Anda buka. Tanyakan hal lain tentang privasi WhatsApp dengan kata-kata Anda sendiri, atau lihat /topics.",
    noAnswer:
      "Saya tidak punya jawaban untuk itu di FAQ saya. Coba kata lain, atau lihat semua jawaban lewat /topics.",
    noAnswerWithSuggestions:
      "Saya tidak yakin punya jawaban yang tepat untuk itu. Apakah maksud Anda salah satu dari ini? Atau lihat semua jawaban lewat /topics.",
    groupNoAnswer:
      "Saya tidak punya jawaban untuk itu di FAQ saya. Coba kata lain, atau tanyakan kepada saya lewat chat pribadi.",
    groupNoAnswerWithSuggestions:
      "Saya tidak yakin punya jawaban yang tepat untuk itu. Pertanyaan terdekat yang saya tahu ada di bawah ini.",
    welcome: {
      title: "👋 <b>Halo! Saya menjawab pertanyaan seputar privasi WhatsApp.</b>",
      body: (count, topics) =>
        `Saya punya ${count} jawaban dari FAQ yang dikurasi, masing-masing dengan tautan ke sumbernya. Topik: ${topics}.`,
      prompt:
        "Kirim pertanyaan dengan kata-kata Anda sendiri, misalnya <i>Apakah WhatsApp bisa membaca pesan saya?</i>, atau pilih topik:",
    },
    unknownDeepLink:
      "Tautan itu mengarah ke jawaban yang sudah tidak saya miliki. Tanyakan dengan kata-kata Anda sendiri, atau lihat /topics.",
    help: {
      title: "<b>Cara memakai bot ini</b>",
      intro:
        "Kirim pertanyaan tentang privasi WhatsApp dengan kata-kata Anda sendiri, misalnya <i>Apakah WhatsApp bisa melihat lokasi saya?</i>",
      commands: [
        "/topics – lihat semua jawaban per topik",
        "/ask &lt;pertanyaan&gt; – ajukan pertanyaan (juga bisa di grup)",
        "/language – pilih bahasa jawaban saya",
        "/privacy – apa yang disimpan bot ini tentang Anda",
        "/help – pesan ini",
      ],
      inGroups: (bot) =>
        `<b>Di grup:</b> tambahkan saya, lalu tulis <code>/ask pertanyaan Anda</code>, mention ${bot} beserta pertanyaan Anda, atau balas salah satu pesan saya. Pesan lainnya saya abaikan.`,
      inAnyChat: (bot) =>
        `<b>Di chat mana pun:</b> ketik ${bot} diikuti pertanyaan, lalu pilih jawaban untuk membagikannya.`,
    },
    groupIntro: {
      about: "👋 Saya menjawab pertanyaan seputar privasi WhatsApp dari FAQ yang dikurasi.",
      howTo: (bot) =>
        `Cara bertanya: <code>/ask pertanyaan Anda</code>, mention ${bot} beserta pertanyaan Anda, atau balas salah satu pesan saya. Selain itu, saya diam saja.`,
    },
    privacy: {
      title: "<b>Yang disimpan bot ini</b>",
      kept: (days) => [
        "Bot ini <b>tidak</b> menyimpan ID pengguna, nama, username, nomor telepon, ID chat, atau alamat IP Anda, juga tidak menyimpan teks pertanyaan yang sudah dijawabnya.",
        "Agar bisa menjawab dengan andal, setiap pesan yang Anda kirim ke bot ini (sebagaimana dikirimkan Telegram, beserta ID pengguna dan ID chat Anda) ditahan dalam antrean sampai jawabannya terkirim, lalu dihapus. Hanya nomor update-nya yang disimpan, selama 24 jam, agar pesan yang terkirim ulang tidak dijawab dua kali.",
        "Untuk setiap jawaban yang diberikan: entri FAQ yang mana, di mana (chat pribadi, grup, mode inline, atau web), dan jamnya. Tidak ada informasi tentang siapa yang bertanya.",
        "Untuk pertanyaan yang tidak bisa dijawab: teksnya dalam huruf kecil tanpa tanda baca, setelah alamat email, tautan, @handle, dan angka panjang (nomor telepon, ID) dihapus; seberapa sering serta kapan pertama dan terakhir kali ditanyakan; dan entri terdekatnya, untuk memperbaiki FAQ. Paling banyak 10.000 pertanyaan seperti ini disimpan (kecuali pengelola bot menetapkan batas lain): yang paling jarang ditanyakan dihapus lebih dulu. Tidak ada informasi tentang siapa yang bertanya.",
        "Untuk 👍 / 👎: entrinya, suaranya, dan jamnya. Agar Anda bisa mengubah suara, bot ini juga menyimpan kode satu arah dari Anda dan pesan itu (HMAC, bukan ID Anda) selama 48 jam.",
        "Untuk mencegah banjir pesan, bot ini menghitung pertanyaan Anda per menit dengan kode satu arah yang lain, yang dilupakan setelah menit itu berlalu.",
        "Jika Anda memilih bahasa lewat /language, pilihan itu disimpan dengan kode satu arah dari ID pengguna Anda (HMAC, bukan ID Anda) selama setahun, atau sampai Anda memilih Otomatis lagi.",
        `Semua data ini dihapus setelah ${days} hari (pilihan bahasa setelah setahun).`,
      ],
      goodToKnow:
        "<b>Perlu diketahui:</b> chat dengan bot di Telegram <b>tidak terenkripsi end-to-end</b>. Server Telegram bisa membaca apa yang Anda kirim di sini, seperti di chat cloud Telegram mana pun. Jangan kirim apa pun yang tidak akan Anda tulis di FAQ publik.",
    },
    topics: {
      title: "<b>Topik</b>",
      pickTopic: "Pilih topik untuk melihat pertanyaannya:",
      pickQuestion: "Pilih pertanyaan:",
      inGroup: "Menjelajahi topik paling nyaman lewat chat pribadi dengan saya:",
    },
    askUsage:
      "Tulis pertanyaan Anda setelah perintahnya, misalnya: <code>/ask apakah WhatsApp bisa membaca pesan saya?</code>",
    groupEmptyQuestion:
      "Ada yang ingin ditanyakan? Tulis pertanyaan Anda bersama mention-nya, misalnya: <i>apakah WhatsApp bisa melihat lokasi saya?</i>",
    textOnly:
      "Saya hanya bisa membaca teks. Kirim pertanyaan Anda sebagai pesan teks, atau lihat /topics.",
    unknownCommand: "Saya tidak kenal perintah itu. Kirim pertanyaan, atau lihat /help.",
    startingUp: "Saya sedang bersiap-siap. Silakan coba lagi dalam beberapa detik.",
    staleButton: "Tombol ini sudah tidak berlaku. Tanyakan lagi, atau kirim /topics.",
    rateLimit:
      "Pertanyaan Anda datang lebih cepat daripada yang bisa saya layani. Silakan tunggu satu menit, lalu tanya lagi.",
    buttons: {
      allTopics: "« Semua topik",
      back: "« Kembali",
      askTheBot: "Tanya bot",
      openInBot: "Buka di bot",
    },
    feedback: {
      recorded: (emoji) => `Terima kasih atas masukan Anda ${emoji}`,
      changed: (emoji) => `Masukan diubah menjadi ${emoji}`,
      unchanged: (emoji) => `Sudah tercatat ${emoji}`,
    },
    inline: {
      noAnswerTitle: "Jawaban tidak ditemukan",
      noAnswerDescription: "Tidak ada yang cocok di FAQ privasi WhatsApp. Coba kata lain.",
      noAnswerMessage:
        "Saya tidak menemukan jawaban untuk itu di FAQ privasi WhatsApp. Tanyakan langsung ke bot, atau lihat topik-topiknya.",
    },
    smallTalk: {
      greeting:
        "👋 Halo! Tanyakan apa saja tentang privasi dan keamanan di WhatsApp, misalnya <i>Apakah WhatsApp bisa membaca pesan saya?</i>, atau lihat /topics.",
      thanks: "Sama-sama! Silakan tanyakan hal lain tentang privasi WhatsApp kapan saja.",
      whoAreYou:
        "Saya bot tidak resmi yang menjawab pertanyaan tentang privasi dan keamanan di WhatsApp dari FAQ yang dikurasi, setiap jawaban disertai sumbernya. Lihat /help untuk memulai, dan /privacy untuk tahu apa yang saya simpan.",
    },
    language: {
      prompt: (current) =>
        `Saya menjawab dalam bahasa pertanyaan Anda. Untuk menu dan pertanyaan pendek, saya memakai <b>${current}</b>. Pilih bahasa lain:`,
      chosen: (name) => `Selesai. Mulai sekarang saya akan menjawab Anda dalam <b>${name}</b>.`,
      automatic: "Otomatis (bahasa aplikasi saya)",
      forgotten:
        "Selesai. Saya kembali mengikuti bahasa aplikasi Telegram Anda, dan pilihan Anda tidak lagi saya simpan.",
    },
    commands: {
      start: "Sambutan dan topik",
      topics: "Lihat jawaban per topik",
      ask: "Tanya soal privasi WhatsApp",
      privacy: "Yang disimpan bot ini",
      language: "Pilih bahasa jawaban saya",
      help: "Cara memakai bot ini",
      groupHelp: "Cara bertanya kepada saya di sini",
    },
    description:
      "Saya menjawab pertanyaan tentang privasi dan keamanan WhatsApp: enkripsi end-to-end, akun diretas, Meta AI, iklan, lokasi, apa yang dibagikan ke Meta, dan setelan privasi Anda. Jawaban berasal dari FAQ yang dikurasi, lengkap dengan sumbernya. Tidak resmi: tidak berafiliasi dengan WhatsApp atau Meta.",
    shortDescription:
      "Jawaban seputar privasi dan keamanan WhatsApp dari FAQ yang dikurasi, dengan sumber. Tidak resmi.",
  },
  page: {
    lang: "id",
    ogLocale: "id_ID",
    siteName: "FAQ Privasi WhatsApp",
    titleSeparator: " · ",
    description:
      "Jawaban yang jelas untuk pertanyaan seputar privasi WhatsApp, lengkap dengan sumbernya. Tidak resmi.",
    skipLink: "Langsung ke kotak pertanyaan",
    intro:
      "Jawaban yang jelas seputar privasi dan keamanan WhatsApp: enkripsi, akun diretas, Meta AI, iklan, lokasi, data yang dibagikan ke Meta, dan setelan privasi Anda, masing-masing dengan sumbernya. Tidak resmi: tidak berafiliasi dengan WhatsApp atau Meta.",
    questionLabel: "Pertanyaan Anda",
    questionPlaceholder: "mis. apakah Facebook bisa membaca pesan saya?",
    suggestionsLabel: "Saran pertanyaan",
    askButton: "Tanya",
    topicsTitle: "Jelajahi topik",
    footer:
      "Jawaban berasal dari FAQ yang dikurasi dengan sumber publik; jawaban ini bukan nasihat hukum.",
    footerDevelopers: "Untuk pengembang:",
    docsLink: "Dokumentasi API",
    answer: {
      sources: "Sumber:",
      lastReviewed: "Terakhir ditinjau {date}.",
      related: "Pertanyaan terkait",
    },
    share: {
      label: "Tautan ke jawaban ini",
    },
    vote: {
      prompt: "Apakah jawaban ini membantu?",
      up: "👍 Ya",
      down: "👎 Tidak",
      recorded: "Terima kasih atas masukan Anda.",
      changed: "Masukan diubah. Terima kasih.",
      unchanged: "Sudah tercatat. Terima kasih.",
    },
    outOfScope: {
      tabTitle: "Bukan pertanyaan privasi",
      title: "Saya hanya menjawab pertanyaan seputar privasi dan keamanan",
    },
    languageSwitcher: {
      label: "Bahasa",
      apply: "Ganti",
    },
    noAnswer: {
      tabTitle: "Tidak ada jawaban",
      title: "Maaf, saya tidak punya jawaban untuk itu",
      body: "FAQ ini membahas privasi dan keamanan di WhatsApp: enkripsi, akun diretas, Meta AI, iklan, lokasi, data yang dibagikan ke Meta, dan setelan privasi Anda. Daripada menebak, saya arahkan Anda ke pertanyaan yang bisa saya jawab.",
      didYouMean: "Mungkin maksud Anda",
      browseTopics: "Lihat semua topik",
    },
    suggest: {
      title: "Usulkan pertanyaan ini",
      body: "Perlukah FAQ ini menjawabnya? Kirimkan ke pengelola FAQ. Hanya teksnya yang disimpan, tanpa apa pun tentang Anda.",
      label: "Pertanyaan yang ingin ditambahkan",
      button: "Usulkan",
      thanksTitle: "Terima kasih",
      thanksBody:
        "Pertanyaan Anda sudah diteruskan ke pengelola FAQ ini. Pertanyaan itu hanya disimpan sebagai teks, tanpa apa pun tentang Anda.",
    },
    problems: {
      unknownId: {
        title: "Pertanyaan itu tidak ada di FAQ",
        body: "Tidak ada entri bernama “{id}”. Coba tanyakan dengan kata-kata Anda sendiri, atau lihat topik di bawah.",
      },
      tooLong: {
        title: "Pertanyaan itu terlalu panjang",
        body: "Pertanyaan boleh berisi hingga {max} karakter; pertanyaan Anda {length} karakter. Silakan persingkat, lalu tanyakan lagi.",
      },
      repeated: {
        title: "Tanyakan satu per satu",
        body: "Tautan ini berisi lebih dari satu pertanyaan. Ajukan satu per satu di kotak di atas.",
      },
      invalid: {
        title: "Tautan itu kurang tepat",
        body: "Sebagian isinya tidak bisa dibaca. Ajukan pertanyaan Anda di kotak di atas, atau lihat topik di bawah.",
      },
      badForm: {
        title: "Tidak bisa dikirim",
        body: "Formulir yang diterima tidak lengkap. Silakan kembali ke jawabannya, lalu coba lagi.",
      },
      otherSite: {
        title: "Tidak dikirim dari FAQ ini",
        body: "Suara dan usulan hanya diterima dari halaman FAQ ini sendiri. Silakan buka halaman itu, lalu coba lagi di sana.",
      },
      rateLimited: {
        title: "Terlalu banyak pertanyaan sekaligus",
        body: "Ada begitu banyak pertanyaan dari jaringan Anda dalam satu menit terakhir sehingga saya harus berhenti sejenak. Silakan coba lagi dalam {seconds} detik.",
      },
      busy: {
        title: "Sedang sibuk",
        body: "Layanan sedang dimulai atau sangat sibuk. Silakan coba lagi dalam beberapa detik.",
      },
      notFound: {
        title: "Halaman tidak ditemukan",
        body: "Tidak ada apa pun di alamat ini. Ajukan pertanyaan Anda di kotak di atas, atau lihat topik di bawah.",
      },
      failed: {
        title: "Terjadi kesalahan di pihak kami",
        body: "Kesalahan ini sudah dicatat. Silakan coba lagi beberapa saat lagi.",
      },
    },
    script: {
      networkError: {
        title: "Tidak dapat terhubung ke FAQ",
        body: "Periksa koneksi Anda, lalu coba lagi.",
      },
      copy: "Salin tautan",
      share: "Bagikan",
      copied: "Tautan disalin.",
      copyFailed: "Tidak bisa menyalin: pilih tautannya, lalu salin sendiri.",
    },
  },
};
