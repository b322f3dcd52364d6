/**
 * The laptop camera reading a member's share card (qr-camera.tsx): the first QR that can be
 * a share is handed on and the camera stops; a slip's QR or any other is passed over with a
 * word. With no camera, no permission or another address than localhost the member types
 * the code instead.
 */
import { useState } from 'preact/hooks';
import type { AdminTextKey } from '../../shared/i18n/admin';
import { QrCamera, type CameraProblem } from './qr-camera';
import { looksLikeShare } from './scan-text';
import { t } from './state';

const PROBLEM_TEXT: Record<CameraProblem, AdminTextKey> = {
  denied: 'cameraDenied',
  none: 'cameraNone',
  unavailable: 'cameraUnavailable',
  failed: 'cameraFailed',
};

export function ShareScanner({ onCode, onProblem }: { onCode: (code: string) => void; onProblem: (key: AdminTextKey) => void }) {
  const [notShare, setNotShare] = useState(false);
  return (
    <QrCamera
      testId="share-scanner"
      label={t('shareScan')}
      onProblem={(problem) => onProblem(PROBLEM_TEXT[problem])}
      onText={(text) => {
        if (looksLikeShare(text)) {
          onCode(text);
          return 'stop';
        }
        setNotShare(true);
      }}
      status={(live) => (notShare ? t('shareScanNotShare') : live ? t('shareScanHint') : t('loading'))}
    />
  );
}
