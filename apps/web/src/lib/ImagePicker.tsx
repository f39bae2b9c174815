import { Button } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FileRequestError, IMAGE_ACCEPT } from './files';

/** A button that opens the file picker for one image (the server judges the bytes). */
export function ImagePicker(props: {
  busy: boolean;
  disabled?: boolean;
  onPick: (file: File) => void;
  inputTestId: string;
  buttonTestId: string;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        // antd's form styles give file inputs `display: block`, which beats the attribute.
        style={{ display: 'none' }}
        data-testid={props.inputTestId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onPick(file);
        }}
      />
      <Button
        loading={props.busy}
        disabled={props.busy || props.disabled}
        data-testid={props.buttonTestId}
        onClick={() => input.current?.click()}
      >
        {props.children}
      </Button>
    </>
  );
}

/** Runs one file request at a time, keeping the server's message when it refuses. */
export function useFileAction() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(
        e instanceof FileRequestError && e.serverMessage ? e.serverMessage : t('errors.network'),
      );
    } finally {
      setBusy(false);
    }
  }
  return { busy, problem, run };
}
