// Daftar hitam (issue 15, helper A).
export {};
