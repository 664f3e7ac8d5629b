// How a BigQuery call through the official client was refused: the HTTP status (absent
// when the client read the error from a failed job's status), the first error's reason,
// and the message. Fails the test when the call succeeds.
export interface Refusal {
  code?: number | undefined;
  reason?: string | undefined;
  message: string;
}

export async function refusal(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code?: number; message: string; errors?: { reason?: string }[] };
    return { code: failure.code, reason: failure.errors?.[0]?.reason, message: failure.message };
  }
  throw new Error('expected the call to be refused');
}
