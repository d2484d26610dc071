-- Tender batal: the letters and minutes a cancellation rests on (the PA/KPA's letter, the
-- Pokja's berita acara), attached to the tender before it is cancelled and made public
-- with it (docs/decisions/0023-tender-cancellation.md). Expand only (docs/decisions/0018).
ALTER TYPE "DocumentKind" ADD VALUE 'PEMBATALAN';
