// antd's `Input` default export carries Search, TextArea and OTP as static members, so importing
// it pulls all of them (~12 kB) into every form page. Import the two we use directly.
export { default as Input } from 'antd/es/input/Input';
export { default as PasswordInput } from 'antd/es/input/Password';
