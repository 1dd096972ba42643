import { StoreSettings } from './store-settings';

export default function SettingsPage() {
  return <StoreSettings />;
}
