// At start, when this computer names a clinic group folder: checks it once and says, in one
// notice, how many new library files trusted clinics have published there (reviewed on Share).
// Renders nothing. Mounted once by the shell.
import { useEffect } from 'react';
import { GROUP_COPY as COPY } from '../../../../common/copy/en-sharing';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';

export function GroupCheckAtStart() {
  const toast = useToast();
  useEffect(() => {
    let live = true;
    void (async () => {
      const folder = await api['bundles.groupFolder']({});
      if (!live || !folder.ok || !folder.value.folder) return;
      const check = await api['bundles.checkGroup']({});
      const fresh = check.ok ? check.value.files.filter((f) => f.status === 'new').length : 0;
      if (live && fresh > 0) toast(COPY.newAtStart(fresh));
    })();
    return () => {
      live = false;
    };
  }, [toast]);
  return null;
}
