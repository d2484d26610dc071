/** What a streaming upload route answered; status 0 when the network failed. */
export interface UploadReply<T> {
  ok: boolean;
  status: number;
  message?: string;
  data?: T;
}

/**
 * Sends one file as the raw request body to an upload route (the name in X-File-Name).
 * XMLHttpRequest, not fetch: only it reports upload progress, and a vendor on a slow line
 * at the deadline needs to see the bar move. Never rejects: every outcome is a reply.
 */
export function uploadFile<T = unknown>(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<UploadReply<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => resolve({ ok: false, status: 0 });
    xhr.onload = () => {
      let body: { ok?: boolean; message?: string; data?: T } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // a proxy's HTML error page: the caller shows its generic message
      }
      resolve({
        ok: xhr.status >= 200 && xhr.status < 300 && body.ok === true,
        status: xhr.status,
        message: body.message,
        data: body.data,
      });
    };
    onProgress(0);
    xhr.send(file);
  });
}
