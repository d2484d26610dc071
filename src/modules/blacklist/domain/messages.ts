/**
 * What the company's users are told, in their inbox and by e-mail, when it is put on or
 * taken off the daftar hitam. Indonesian, as every notification is.
 */

export function blacklistedMessage(input: { decree: string; basis: string; reason: string; period: string }) {
  return {
    kind: "blacklist.added",
    title: "Perusahaan Anda dicantumkan dalam daftar hitam",
    body:
      `Perusahaan Anda dicantumkan dalam daftar hitam berdasarkan ${input.decree} (${input.basis}) ` +
      `untuk masa ${input.period}.\n\nAlasan: ${input.reason}\n\n` +
      `Selama masa itu perusahaan tidak dapat mendaftar, menawar, atau dipilih dalam pengadaan. ` +
      `Kontrak yang sedang berjalan tetap dilaksanakan.`,
    link: "/penyedia/profil",
  };
}

export function liftedMessage(input: { decree: string; reason: string }) {
  return {
    kind: "blacklist.lifted",
    title: "Sanksi daftar hitam perusahaan Anda diangkat",
    body: `Sanksi daftar hitam berdasarkan ${input.decree} diangkat.\n\nAlasan: ${input.reason}`,
    link: "/penyedia/profil",
  };
}
