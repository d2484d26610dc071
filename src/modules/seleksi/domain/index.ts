// Seleksi (consultancy): prakualifikasi, the shortlist and its rules (issue 15, helper D).
export {};
